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
import { getService, readPath } from '../utils';
import { getAccess } from '../../../../access/server/src';
import { letWaitingRequestsBegin, rememberWrite, requestStartedAt, wroteRow } from '../request-clock';
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
   * The document if the actor may act on it: the access plugin's scope of the type (an
   * ambassador's own documents; someone else's answers 404, as on every other route). Admin
   * users are held by their Content Manager permissions, checked by the admin controller.
   */
  const load = async (subject: Subject, documentId: string, actor: Actor): Promise<Doc> => {
    const access = getAccess(strapi);
    const scope = await access.scope(subject.uid, actor);
    const doc = await strapi.documents(subject.uid as any).findFirst({
      filters: access.and({ documentId }, scope),
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
     * `state`, `onEnter.set` / transition `set`, history row. Of concurrent transitions of one
     * document exactly one wins, self-loops (a renewal) included, and the others get 409: the
     * request acted on the document as it was when it began, so a history row written since
     * then by another request is a transition it did not see. The event is emitted after the
     * commit, so that listeners never see a transition that was rolled back.
     */
    async transition(uid: string, documentId: string, input: TransitionInput, actor: Actor) {
      // Outside a request (jobs, scripts), the call is what acted: its start, before any await.
      const request = strapi.requestContext.get() as object | undefined;
      const startedAt = requestStartedAt(request) ?? Date.now();
      const subject = subjectOf(uid);
      const stored = await activeDefinition(subject);
      const definition: WorkflowDefinition = stored.definition;
      if (request) await letWaitingRequestsBegin();
      const history = () => strapi.db.query(TRANSITION_UID as any);
      // The newest history row of the document, by write order: the token of what was seen.
      const newestRow = async () =>
        ((await history().findOne({
          where: { subjectUid: uid, subjectDocumentId: documentId },
          select: ['id', 'leftAt', 'createdAt'],
          orderBy: [{ id: 'desc' }],
        })) as { id: number; leftAt: unknown; createdAt: unknown } | null) ?? null;
      const conflict = (state: string) => new ConflictError(ERRORS.conflict, { state });

      const outcome = await strapi.db.transaction(async () => {
        const doc = await load(subject, documentId, actor);
        if (input.expectedState && doc.state !== input.expectedState) {
          throw new ConflictError(ERRORS.stale(input.expectedState, doc.state), { expectedState: input.expectedState, state: doc.state });
        }
        const seen = await newestRow();
        const writtenAt = seen?.createdAt ? new Date(seen.createdAt as string).getTime() : Number.NEGATIVE_INFINITY;
        if (seen && writtenAt >= startedAt && !wroteRow(request, seen.id)) throw conflict(doc.state);

        const ctx = await buildContext(subject, doc, { comment: input.comment ?? null });
        const check = checkTransition(definition, doc, actor, ctx, input.to, registry());
        if (check.kind === 'unknown') {
          if (input.to === doc.state) throw new ConflictError(ERRORS.alreadyIn(doc.state), { state: doc.state });
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
        if (count === 0) throw conflict(doc.state);

        // The update holds the document's row until the commit, so a transaction that overlapped
        // this one (PostgreSQL) has committed by now and its history row is visible: the newest
        // row must still be the one seen, and it is closed only if nobody closed it meanwhile.
        const newest = await newestRow();
        if ((newest?.id ?? null) !== (seen?.id ?? null)) throw conflict(doc.state);
        const at = ctx.now.toISOString();
        if (newest) {
          const { count: closed } = (await history().updateMany({
            where: { id: newest.id, leftAt: newest.leftAt ?? null },
            data: { leftAt: at },
          })) as { count: number };
          if (closed === 0) throw conflict(doc.state);
        }
        const row = (await history().create({
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
        })) as { id: number };
        rememberWrite(request, row.id);
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
