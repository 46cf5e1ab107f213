import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  applyTransitionSet,
  checkTransition,
  evaluate,
  findTransition,
  type Actor,
  type EvaluationContext,
  type WorkflowDefinition,
} from '../engine';
import { ERRORS, STATE_FIELD, TRANSITION_UID, TRANSITIONED_EVENT, VERSION_FIELD } from '../constants';
import { ConflictError, TransitionForbiddenError } from '../errors';
import { getService, nestedFilter, readPath } from '../utils';
import type { SubjectConfig } from '../config';

export type TransitionInput = { to: string; comment?: string | null; expectedState?: string | null };

export type TransitionedEvent = {
  uid: string;
  documentId: string;
  workflow: string;
  from: string;
  to: string;
  actor: { kind: Actor['kind']; id: string | number | null; displayName: string };
  at: string;
  definitionVersion: number;
};

type Doc = Record<string, unknown> & { documentId: string; state: string; createdAt?: string };
type Subject = SubjectConfig & { uid: string };

// who sees every document; an API token does even when read-only (it then has no role to act with)
const isPrivileged = (actor: Actor) =>
  actor.superAdmin === true || actor.kind === 'token' || actor.roles.some((r) => r === 'coordinator' || r === 'system');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const subjects = () => getService('subjects', strapi);
  const definitions = () => getService('definitions', strapi);
  const registry = () => getService('guards', strapi).registry;

  const subjectOf = (uid: string): Subject => {
    const subject = subjects().get(uid);
    if (!subject) throw new errors.NotFoundError(`${uid} has no workflow`);
    return subject;
  };

  /**
   * Which documents an actor may act on: everyone with a privileged role all of them; an
   * ambassador only those they own (someone else's answers 404, as on every other route);
   * anyone else none. Admin users are checked against their Content Manager permissions by
   * the admin controller before they get here.
   */
  const scopeFilters = (subject: Subject, actor: Actor): Record<string, unknown> | null => {
    if (actor.kind === 'admin' || isPrivileged(actor)) return {};
    if (actor.roles.includes('ambassador') && subject.ownerUser && actor.id != null) {
      return nestedFilter(subject.ownerUser, { id: actor.id });
    }
    return null;
  };

  const load = async (subject: Subject, documentId: string, actor: Actor): Promise<Doc> => {
    const scope = scopeFilters(subject, actor);
    if (!scope) throw new errors.NotFoundError(ERRORS.unknownDocument);
    const doc = await strapi.documents(subject.uid as any).findFirst({
      filters: { documentId, ...scope },
      populate: subject.populate,
    } as any);
    if (!doc) throw new errors.NotFoundError(ERRORS.unknownDocument);
    return doc as unknown as Doc;
  };

  const lastEntry = (uid: string, documentId: string, to?: string) =>
    strapi.db.query(TRANSITION_UID as any).findOne({
      where: { subjectUid: uid, subjectDocumentId: documentId, ...(to ? { to } : {}) },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
    }) as Promise<{ at: string } | null>;

  const buildContext = async (subject: Subject, doc: Doc, extra: Partial<EvaluationContext> = {}): Promise<EvaluationContext> => {
    const entered = await lastEntry(subject.uid, doc.documentId, doc.state);
    const owner =
      subject.owner === '$self'
        ? doc.documentId
        : ((readPath(doc, `${subject.owner}.documentId`) as string | undefined) ?? null);
    const related: EvaluationContext['related'] = {};
    for (const [name, path] of Object.entries(subject.related)) {
      related[name] = (readPath(doc, path) as Record<string, unknown> | undefined) ?? null;
    }
    return {
      now: new Date(),
      timezone: await subjects().timezone(),
      enteredAt: entered ? new Date(entered.at) : doc.createdAt ? new Date(doc.createdAt) : null,
      ownerAmbassadorId: subject.owner ? owner : null,
      related,
      comment: null,
      ...extra,
    };
  };

  const activeDefinition = async (subject: Subject) => {
    const stored = await definitions().getActive(subject.workflow);
    if (!stored) throw new errors.NotFoundError(`No definition for workflow ${subject.workflow}`);
    return stored;
  };

  return {
    scopeFilters,

    /** History of a document, oldest first. */
    async history(uid: string, documentId: string) {
      const rows = (await strapi.db.query(TRANSITION_UID as any).findMany({
        where: { subjectUid: uid, subjectDocumentId: documentId },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      })) as Array<Record<string, any>>;
      return rows.map((r) => ({
        from: r.from ?? null,
        to: r.to,
        at: new Date(r.at).toISOString(),
        actor: { kind: r.actorKind, id: r.actorId ?? null, displayName: r.actorName ?? null },
        comment: r.comment ?? null,
        definitionVersion: r.definitionVersion ?? null,
      }));
    },

    /** State, every transition from it with what blocks it, and the history. */
    async describe(uid: string, documentId: string, actor: Actor) {
      const subject = subjectOf(uid);
      const doc = await load(subject, documentId, actor);
      const stored = await activeDefinition(subject);
      const ctx = await buildContext(subject, doc);
      const result = evaluate(stored.definition, doc, actor, ctx, registry());
      const enteredAt = ctx.enteredAt?.toISOString() ?? null;
      return {
        state: result.state,
        stateLabel: stored.definition.states[result.state]?.label ?? result.state,
        enteredAt,
        definitionVersion: stored.version,
        available: result.available,
        history: await this.history(uid, documentId),
      };
    },

    /**
     * Takes a transition in one database transaction: re-read, evaluate, conditional update of
     * `state` (only while it is still the state read, so that of two concurrent transitions
     * exactly one wins), `onEnter.set` / transition `set`, history row. The event is emitted
     * after the commit, so that listeners never see a transition that was rolled back.
     */
    async transition(uid: string, documentId: string, input: TransitionInput, actor: Actor) {
      const subject = subjectOf(uid);
      const stored = await activeDefinition(subject);
      const definition: WorkflowDefinition = stored.definition;
      // The state the caller acted on: explicit, or what the document is in as the request starts.
      const seen = input.expectedState ?? (await load(subject, documentId, actor)).state;

      const outcome = await strapi.db.transaction(async () => {
        const doc = await load(subject, documentId, actor);
        if (doc.state !== seen) {
          throw input.expectedState
            ? new ConflictError(ERRORS.stale(seen, doc.state), { expectedState: seen, state: doc.state })
            : new ConflictError(ERRORS.conflict, { state: doc.state });
        }
        const ctx = await buildContext(subject, doc, { comment: input.comment ?? null });
        const check = checkTransition(definition, doc, actor, ctx, input.to, registry());
        if (check.kind === 'unknown') {
          throw new errors.ValidationError(ERRORS.unknownTransition(doc.state, input.to), {
            errors: [{ path: ['to'], message: ERRORS.unknownTransition(doc.state, input.to), name: 'ValidationError' }],
            failures: [],
          });
        }
        if (check.kind === 'forbidden') throw new TransitionForbiddenError(ERRORS.forbidden, { failures: check.failures });
        if (check.kind === 'guards') {
          throw new errors.ValidationError(check.failures[0]?.message ?? ERRORS.guards, {
            errors: check.failures.map((f) => ({ path: [], message: f.message, name: 'ValidationError' })),
            failures: check.failures,
          });
        }

        const set = applyTransitionSet(definition, check.transition, doc, ctx);
        const { count } = (await strapi.db.query(uid as any).updateMany({
          where: { documentId, [STATE_FIELD]: doc.state },
          data: { ...set, [STATE_FIELD]: input.to, [VERSION_FIELD]: stored.version },
        })) as { count: number };
        if (count === 0) throw new ConflictError(ERRORS.conflict);

        const at = ctx.now.toISOString();
        await strapi.db.query(TRANSITION_UID as any).updateMany({
          where: { subjectUid: uid, subjectDocumentId: documentId, leftAt: null },
          data: { leftAt: at },
        });
        await strapi.db.query(TRANSITION_UID as any).create({
          data: {
            workflow: definition.name,
            subjectUid: uid,
            subjectDocumentId: documentId,
            from: doc.state,
            to: input.to,
            at,
            actorKind: actor.kind,
            actorId: actor.id == null ? null : String(actor.id),
            actorName: actor.displayName,
            comment: input.comment ?? null,
            definitionVersion: stored.version,
          },
        });
        return { from: doc.state, at };
      });

      const event: TransitionedEvent = {
        uid,
        documentId,
        workflow: definition.name,
        from: outcome.from,
        to: input.to,
        actor: { kind: actor.kind, id: actor.id, displayName: actor.displayName },
        at: outcome.at,
        definitionVersion: stored.version,
      };
      strapi.eventHub.emit(TRANSITIONED_EVENT, event);
      return strapi.documents(uid as any).findOne({ documentId } as any);
    },

    /**
     * History rows without `leftAt` get it from the row that follows them (same subject, next
     * `at`, then next id); a subject's current row has none and keeps null. For rows written
     * outside a transition (before the column existed, or imported).
     */
    async fillLeftAt() {
      const meta = strapi.db.metadata.get(TRANSITION_UID as any) as any;
      const col = (a: string) => meta.attributes[a].columnName as string;
      const [table, uid, doc, at, leftAt] = [meta.tableName, col('subjectUid'), col('subjectDocumentId'), col('at'), col('leftAt')];
      await strapi.db.connection.raw(
        `update ?? set ?? = (select min(x.??) from ?? x where x.?? = ??.?? and x.?? = ??.?? and (x.?? > ??.?? or (x.?? = ??.?? and x.id > ??.id))) where ?? is null`,
        [table, leftAt, at, table, uid, table, uid, doc, table, doc, at, table, at, at, table, at, table, leftAt]
      );
    },

    /** Once per database: fills `leftAt` on the rows written before it existed. */
    async backfillLeftAt() {
      const store = strapi.store({ type: 'plugin', name: 'workflow' });
      if (await store.get({ key: 'left-at-backfilled' })) return;
      await this.fillLeftAt();
      await store.set({ key: 'left-at-backfilled', value: true });
    },

    /** true when `to` is reachable from `from` in the definition in force. */
    async exists(uid: string, from: string, to: string) {
      const stored = await activeDefinition(subjectOf(uid));
      return findTransition(stored.definition, from, to) != null;
    },
  };
};
