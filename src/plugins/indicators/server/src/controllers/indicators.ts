import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { isIsoDate } from '../../../../workflow/server/src/engine/durations';
import { isPeriodDate, isPeriodYear, PERIOD_MESSAGES, periodIssues } from '../period';
import type { Report } from '../services/indicators';
import { getService } from '../utils';

// a plain pattern first (`+02026-01-01` is no date of ours); one message per field
const periodDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date YYYY-MM-DD', abort: true })
  .refine(isIsoDate, { message: 'not a calendar date', abort: true })
  .refine(isPeriodDate, PERIOD_MESSAGES.bounds);

const periodFields = {
  year: z.string().regex(/^\d{4}$/, { message: 'expected a year YYYY', abort: true }).refine(isPeriodYear, PERIOD_MESSAGES.year).optional(),
  from: periodDate.optional(),
  to: periodDate.optional(),
};

const checkPeriod = (q: { year?: string; from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (q.year !== undefined) {
    if (q.from !== undefined || q.to !== undefined) ctx.addIssue({ code: 'custom', path: ['year'], message: 'give either year or from and to' });
    return;
  }
  if (q.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'required (or year)' });
  if (q.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'required (or year)' });
  // zod runs this refinement even when a field failed: only well-formed dates go further
  if (q.from && q.to && isPeriodDate(q.from) && isPeriodDate(q.to)) {
    for (const issue of periodIssues({ from: q.from, to: q.to })) ctx.addIssue({ code: 'custom', ...issue });
  }
};

export const findQuery = z.object(periodFields).strict().superRefine(checkPeriod);
export const exportQuery = z
  .object({ ...periodFields, format: z.enum(['csv']).default('csv'), separator: z.enum([',', ';']).default(',') })
  .strict()
  .superRefine(checkPeriod);

/** zod → Strapi's 400 ValidationError, naming the fields. */
export const parse = <T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> => {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({
    path: i.path.length ? i.path.map(String) : ('keys' in i && Array.isArray((i as any).keys) ? (i as any).keys : []),
    message: i.message,
  }));
  const first = issues[0]!;
  throw new errors.ValidationError(`Invalid query: ${first.path.join('.') || 'query'}: ${first.message}`, { errors: issues });
};

export const periodOf = (q: { year?: string; from?: string; to?: string }) =>
  q.year ? { from: `${q.year}-01-01`, to: `${q.year}-12-31` } : { from: q.from as string, to: q.to as string };

const STATUS_FR: Record<string, string> = { met: 'atteint', not_met: 'non atteint', informational: 'indicatif' };
const OP_FR: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** RFC 4180 cell: quoted when it holds the separator, a quote or a line break. */
const cell = (v: unknown, sep: string) => {
  const s = v === null || v === undefined ? '' : String(v);
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Numbers with a decimal comma when the separator is `;` (French spreadsheet locales). */
const number = (v: number | null, sep: string) => (v === null ? '' : sep === ';' ? String(v).replace('.', ',') : String(v));

export const toCsv = (report: Report, sep: string) => {
  const line = (cells: unknown[]) => cells.map((c) => cell(c, sep)).join(sep);
  const lines = [
    line(['Indicateurs', `${report.period.from} – ${report.period.to}`]),
    line(['key', 'label', 'value', 'unit', 'target', 'status']),
    ...report.indicators.map((i) =>
      line([i.key, i.label, number(i.value, sep), i.unit, i.target ? `${OP_FR[i.target.op]} ${number(i.target.value, sep)}` : '', STATUS_FR[i.status]])
    ),
    '',
    line(['Par ambassadeur']),
    line(['ambassador', 'documentId', 'contacts', 'installations', 'satisfactionAverage', 'hoursValidated']),
    ...report.byAmbassador.map((a) =>
      line([a.displayName, a.documentId, a.contacts, a.installations, number(a.satisfactionAverage, sep), number(a.hoursValidated, sep)])
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};

/** The CSV as an attachment named after the period; the content API and the admin route share it. */
export const sendCsv = (ctx: any, report: Report, q: z.infer<typeof exportQuery>) => {
  const { from, to } = report.period;
  const name = q.year ? `indicateurs-${q.year}.csv` : `indicateurs-${from}_${to}.csv`;
  ctx.set('Content-Type', 'text/csv; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename="${name}"`);
  ctx.body = toCsv(report, q.separator);
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/indicators?year=YYYY | from=YYYY-MM-DD&to=YYYY-MM-DD */
  async find(ctx: any) {
    const q = parse(findQuery, ctx.query);
    ctx.body = { data: await getService('indicators', strapi).compute(periodOf(q)) };
  },
});

/** GET /api/indicators/export: a controller of its own, so that its action can be a `find`. */
export const exportController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/indicators/export?year=YYYY&format=csv[&separator=;] */
  async find(ctx: any) {
    const q = parse(exportQuery, ctx.query);
    sendCsv(ctx, await getService('indicators', strapi).compute(periodOf(q)), q);
  },
});
