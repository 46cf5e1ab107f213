import type { Core } from '@strapi/strapi';
import { getAccess } from '../../../../access/server/src';
import { errors } from '@strapi/utils';
import {
  brokenGuards,
  findTransition,
  isFinalState,
  mayAffectGuards,
  type Actor,
  type EvaluationContext,
  type TransitionDef,
} from '../engine';
import { ERRORS, TRANSITION_UID } from '../constants';
import { TransitionForbiddenError } from '../errors';
import { getService, readPath } from '../utils';
import type { SubjectConfig } from '../config';

type Subject = SubjectConfig & { uid: string };
type Doc = Record<string, unknown> & { documentId: string; state: string; createdAt?: string };
type HistoryRow = { from: string | null; to: string; at: string; comment: string | null };

/**
 * What a write may change of a workflow document once transitions have established facts on it
 * (an installation date, an abandonment reason, a resume date, follow-ups): every write path
 * (content API, Content Manager, application code) goes through the Document Service, so the
 * rules are enforced there.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const subjects = () => getService('subjects', strapi);
  const registry = () => getService('guards', strapi).registry;

  /**
   * Who is writing: the admin user or content-API caller of the current request; code that runs
   * outside a request (jobs, bootstrap, scripts) acts as `system`.
   */
  const currentActor = (): Promise<Actor> => getService('actors', strapi).current();

  /** A name of `ctx.related` → the attribute it is loaded through (`ambassador.user` → `ambassador`). */
  const relationField = (subject: Subject) => (relation: string) => subject.related[relation]?.split('.')[0] ?? null;

  const read = async (subject: Subject, documentId: string) =>
    (await strapi.documents(subject.uid as any).findOne({ documentId, populate: subject.populate } as any)) as Doc | null;

  const evaluationContext = (
    subject: Subject,
    doc: Doc,
    base: Pick<EvaluationContext, 'now' | 'timezone' | 'enteredAt' | 'comment'>
  ): EvaluationContext => {
    const related: EvaluationContext['related'] = {};
    for (const [name, path] of Object.entries(subject.related)) {
      related[name] = (readPath(doc, path) as Record<string, unknown> | undefined) ?? null;
    }
    const owner =
      subject.owner === '$self' ? doc.documentId : ((readPath(doc, `${subject.owner}.documentId`) as string | undefined) ?? null);
    return { ...base, ownerAmbassadorId: subject.owner ? owner : null, related };
  };

  /** The transition that brought the document into its state (last history row), and the one before. */
  const entry = async (uid: string, documentId: string, state: string, definition: Parameters<typeof findTransition>[0]) => {
    const rows = (await strapi.db.query(TRANSITION_UID as any).findMany({
      where: { subjectUid: uid, subjectDocumentId: documentId },
      select: ['from', 'to', 'at', 'comment'],
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      limit: 2,
    })) as HistoryRow[];
    const [last, previous] = rows;
    // A state set outside transitions (an import) has no transition to hold it to.
    if (!last || last.to !== state || last.from === null) return null;
    const transition = findTransition(definition, last.from, state);
    return transition ? { transition, last, previous: previous ?? null } : null;
  };

  const readOnly = (state: string, label: string, keys: string[]) => {
    const message = ERRORS.finalReadOnly(label);
    return new TransitionForbiddenError(message, {
      errors: keys.map((key) => ({ path: [key], message, name: 'ForbiddenError' })),
      state,
    });
  };

  const broken = (state: string, failures: ReturnType<typeof brokenGuards>) =>
    new errors.ValidationError(failures[0].message, {
      errors: failures.flatMap((f) =>
        (f.fields.length > 0 ? f.fields : [null]).map((field) => ({
          path: field === null ? [] : [field],
          message: f.message,
          name: 'ValidationError',
        }))
      ),
      failures: failures.map(({ guard, message, fields }) => ({ guard, message, fields })),
      state,
    });

  return {
    currentActor,

    /**
     * Runs `update` (the Document Service update of `documentId` with `data`) under the rules:
     * - a document in a final state is read-only except for the coordination;
     * - an update must not make a guard of the transition that brought the document into its
     *   current state fail where it held (the installation date of an installed case, the
     *   reason of an abandoned one, the resume date of one on hold ...): 400 naming the fields
     *   and the guard. Guards that already failed do not block unrelated edits.
     * The update runs in a transaction that re-reads the document and rolls back on refusal,
     * so that what is checked is what Strapi would store (components, relations, defaults).
     */
    async update<T>(uid: string, documentId: string | undefined, data: Record<string, unknown>, update: () => Promise<T>): Promise<T> {
      const subject = subjects().get(uid);
      if (!subject || !documentId) return update();
      const keys = Object.keys(data);
      return strapi.db.transaction(async () => {
        const current = (await strapi.db.query(uid as any).findOne({ where: { documentId }, select: ['state', 'createdAt'] })) as Doc | null;
        const stored = current ? await getService('definitions', strapi).getActive(subject.workflow) : null;
        if (!current || !stored || keys.length === 0) return update();
        const definition = stored.definition;

        if (isFinalState(definition, current.state) && !getAccess(strapi).isPrivileged(await currentActor())) {
          throw readOnly(current.state, definition.states[current.state]?.label ?? current.state, keys);
        }

        const found = await entry(uid, documentId, current.state, definition);
        const transition: TransitionDef | undefined = found?.transition;
        if (!found || !transition || !mayAffectGuards(transition, keys, relationField(subject), registry())) return update();

        const before = await read(subject, documentId);
        if (!before) return update();
        const result = await update();
        const after = await read(subject, documentId);
        if (!after) return result;

        const base = {
          now: new Date(),
          timezone: await subjects().timezone(),
          // as when the transition was taken: in the state it left, entered at the row before
          enteredAt: found.previous ? new Date(found.previous.at) : current.createdAt ? new Date(current.createdAt) : null,
          comment: found.last.comment ?? null,
        };
        const failures = brokenGuards(
          transition,
          { doc: before, ctx: evaluationContext(subject, before, base) },
          { doc: after, ctx: evaluationContext(subject, after, base) },
          relationField(subject),
          registry()
        );
        if (failures.length > 0) throw broken(current.state, failures);
        return result;
      });
    },
  };
};
