// Input hygiene of written data, walked against the content type (components and dynamic zones
// included): dates within the range the programme can have, free text without invisible control
// or direction-changing characters. Plain TypeScript; the Document Service middleware
// (src/bootstrap/input-hygiene.ts) and the content API controller apply it.

export type AttributeSchema = { type: string; component?: string; repeatable?: boolean };
export type ModelSchema = { attributes: Record<string, AttributeSchema | undefined> };
/** The schema of a component uid (`case.action`), undefined when unknown. */
export type ComponentResolver = (uid: string) => ModelSchema | undefined;

export type HygieneIssue = { path: string[]; message: string; name: 'ValidationError' };

/** Inclusive bounds of every date the application stores (a case action, a month, a mandate ...). */
export const DATE_MIN = '2000-01-01';
export const DATE_MAX = '2100-12-31';

export const MESSAGES = {
  date: 'must be a valid date formatted YYYY-MM-DD',
  datetime: 'must be a valid ISO-8601 date-time (e.g. 2026-11-23T09:00:00Z)',
  range: `must be between ${DATE_MIN} and ${DATE_MAX}`,
  notAnAttribute: 'is not an attribute',
  text: (codePoint: number, index: number) =>
    `must not contain control or bidirectional formatting characters (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} at position ${index})`,
};

const TEXT_TYPES = new Set(['string', 'text', 'email', 'richtext']);
// Strapi sets these itself; the application never writes them
const STRAPI_TIMESTAMPS = new Set(['createdAt', 'updatedAt', 'publishedAt']);

/**
 * C0 controls but TAB, LF and CR; DEL; C1 controls; the bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which make a stored name read differently from what
 * it is (a file name, an e-mail address, a CSV cell).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** The first forbidden character of `text`, or null. */
export const forbiddenCharacter = (text: string): { codePoint: number; index: number } | null => {
  const match = FORBIDDEN_CHARACTER.exec(text);
  return match ? { codePoint: match[0].codePointAt(0)!, index: match.index } : null;
};

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** `YYYY-MM-DD` (the start of `text`) when it is a date of the calendar, else null. */
const calendarDate = (text: string): string | null => {
  const m = CALENDAR_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(2000, mo - 1, d));
  t.setUTCFullYear(y);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? m[0] : null;
};

const utcDate = (instant: Date): string | null => (Number.isNaN(instant.getTime()) ? null : instant.toISOString().slice(0, 10));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The calendar day a date or date-time value stands for, as it is written (a date-time keeps the
 * day of its own offset), or null when it is not one.
 * `strict`: only the content API's formats (`YYYY-MM-DD`, ISO-8601 with an offset); otherwise
 * also what Strapi accepts from code (a Date, a timestamp, a date-time without offset).
 */
const dayOf = (type: 'date' | 'datetime', value: unknown, strict: boolean): string | null => {
  if (value instanceof Date) return strict ? null : utcDate(value);
  if (typeof value === 'number') return !strict && type === 'datetime' && Number.isFinite(value) ? utcDate(new Date(value)) : null;
  if (typeof value !== 'string') return null;
  if (type === 'date') return strict && !ISO_DATE.test(value) ? null : calendarDate(value);
  if (ISO_DATE.test(value)) return calendarDate(value);
  if (ISO_DATE_TIME.test(value)) return Number.isNaN(Date.parse(value)) ? null : calendarDate(value);
  if (strict) return null;
  if (/^-?\d{1,16}$/.test(value)) return utcDate(new Date(Number(value)));
  return Number.isNaN(Date.parse(value)) ? null : calendarDate(value);
};

/**
 * Every date out of range or malformed, every free text with a forbidden character, with its
 * path from the root of `data` (`['actions', '0', 'date']`). Keys that are not attributes
 * (relations' `connect`, Strapi's own keys) are left to Strapi.
 */
export const findHygieneIssues = (
  data: unknown,
  model: ModelSchema,
  resolve: ComponentResolver,
  { strict = false }: { strict?: boolean } = {}
): HygieneIssue[] => {
  const issues: HygieneIssue[] = [];
  const issue = (path: string[], message: string) => issues.push({ path, message, name: 'ValidationError' });

  const walk = (value: unknown, schema: ModelSchema, path: string[]) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const at = [...path, key];
      const attribute = Object.prototype.hasOwnProperty.call(schema.attributes, key) ? schema.attributes[key] : undefined;
      // Strapi's validators look attributes up by key in plain objects: `constructor` would find
      // Object.prototype's and answer 500
      if (!attribute && key in Object.prototype) issue(at, MESSAGES.notAnAttribute);
      if (!attribute || v === null || v === undefined) continue;
      if (attribute.type === 'date' || attribute.type === 'datetime') {
        if (STRAPI_TIMESTAMPS.has(key)) continue;
        const day = dayOf(attribute.type, v, strict);
        if (day === null) issue(at, MESSAGES[attribute.type]);
        else if (day < DATE_MIN || day > DATE_MAX) issue(at, MESSAGES.range);
      } else if (TEXT_TYPES.has(attribute.type)) {
        const found = typeof v === 'string' ? forbiddenCharacter(v) : null;
        if (found) issue(at, MESSAGES.text(found.codePoint, found.index));
      } else if (attribute.type === 'component' && attribute.component) {
        const component = resolve(attribute.component);
        if (!component) continue;
        if (Array.isArray(v)) v.forEach((item, i) => walk(item, component, [...at, String(i)]));
        else walk(v, component, at);
      } else if (attribute.type === 'dynamiczone' && Array.isArray(v)) {
        v.forEach((item, i) => {
          const uid = (item as { __component?: unknown } | null)?.__component;
          const component = typeof uid === 'string' ? resolve(uid) : undefined;
          if (component) walk(item, component, [...at, String(i)]);
        });
      }
    }
  };

  walk(data, model, []);
  return issues;
};
