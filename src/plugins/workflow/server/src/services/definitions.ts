import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_DEFINITIONS, validateDefinition, type WorkflowDefinition } from '../engine';
import { DEFINITION_UID, ERRORS, STATE_FIELD } from '../constants';
import { getService } from '../utils';

export type StoredDefinition = { name: string; contentType: string; version: number; definition: WorkflowDefinition };

type Row = { name: string; contentType: string; version: number; definition: string; savedBy?: string; createdAt?: string };

/**
 * Definitions are data in the database, one row per version: saving never overwrites, it adds
 * version n+1, and the highest version is the one in force.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(DEFINITION_UID as any);

  const toStored = (row: Row): StoredDefinition => ({
    name: row.name,
    contentType: row.contentType,
    version: row.version,
    definition: JSON.parse(row.definition) as WorkflowDefinition,
  });

  return {
    /** The version in force of a workflow, or null. */
    async getActive(name: string): Promise<StoredDefinition | null> {
      const row = (await rows().findOne({ where: { name }, orderBy: { version: 'desc' } })) as Row | null;
      return row ? toStored(row) : null;
    },

    async getForContentType(uid: string): Promise<StoredDefinition | null> {
      const subject = getService('subjects', strapi).get(uid);
      return subject ? this.getActive(subject.workflow) : null;
    },

    /** The version in force of every workflow. */
    async list(): Promise<StoredDefinition[]> {
      const all = (await rows().findMany({ orderBy: [{ name: 'asc' }, { version: 'desc' }] })) as Row[];
      const latest = new Map<string, Row>();
      for (const row of all) if (!latest.has(row.name)) latest.set(row.name, row);
      return [...latest.values()].map(toStored);
    },

    async versions(name: string) {
      const all = (await rows().findMany({ where: { name }, orderBy: { version: 'desc' } })) as Row[];
      return all.map((r) => ({ version: r.version, savedBy: r.savedBy ?? null, savedAt: r.createdAt ?? null }));
    },

    /** Problems of a candidate definition against its content type and the guard registry. */
    check(definition: unknown) {
      const contentType = (definition as { contentType?: unknown } | null)?.contentType;
      const model = typeof contentType === 'string' ? (strapi.getModel(contentType as any) as any) : null;
      return validateDefinition(definition, {
        registry: getService('guards', strapi).registry,
        attributes: model?.attributes,
      });
    },

    /**
     * Saves a new version. Refused (400) when the definition is invalid, renames its content
     * type, or removes states that documents are in (the affected documents are listed).
     */
    async save(name: string, definition: unknown, savedBy: string): Promise<StoredDefinition> {
      const result = this.check(definition);
      if (!result.ok) {
        throw new errors.ValidationError(ERRORS.invalidDefinition, {
          errors: result.problems.map((p) => ({ path: p.path.map(String), message: p.message, name: 'ValidationError' })),
        });
      }
      const next = result.definition;
      const current = await this.getActive(name);
      const fieldError = (path: string, message: string) =>
        new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
      if (next.name !== name) throw fieldError('name', `The definition is named "${next.name}", not "${name}"`);
      if (current && current.contentType !== next.contentType) {
        throw fieldError('contentType', `The workflow "${name}" runs on ${current.contentType}; it cannot move to another type`);
      }
      if (!strapi.getModel(next.contentType as any)) throw fieldError('contentType', `Unknown content type ${next.contentType}`);

      if (current) {
        const removed = Object.keys(current.definition.states).filter((s) => !(s in next.states));
        if (removed.length > 0) {
          const stranded = (await strapi.db.query(next.contentType as any).findMany({
            where: { [STATE_FIELD]: { $in: removed } },
            select: ['documentId', STATE_FIELD],
            limit: 200,
          })) as Array<{ documentId: string; state: string }>;
          if (stranded.length > 0) {
            throw new errors.ValidationError(ERRORS.stranding, {
              errors: [{ path: ['states'], message: `Documents are still in ${[...new Set(stranded.map((d) => d.state))].join(', ')}`, name: 'ValidationError' }],
              affected: stranded.map((d) => ({ documentId: d.documentId, state: d.state })),
            });
          }
        }
      }
      const version = (current?.version ?? 0) + 1;
      await rows().create({ data: { name, contentType: next.contentType, version, definition: JSON.stringify(next), savedBy } });
      return { name, contentType: next.contentType, version, definition: next };
    },

    /** Installs the default definitions that are absent; never touches an existing one. */
    async ensureDefaults(defaults: WorkflowDefinition[] = DEFAULT_DEFINITIONS) {
      const subjects = getService('subjects', strapi);
      for (const definition of defaults) {
        if (!subjects.byWorkflow(definition.name)) continue;
        const existing = await rows().findOne({ where: { name: definition.name }, select: ['id'] });
        if (existing) continue;
        const result = this.check(definition);
        if (!result.ok) {
          // A broken default is a programming error: fail the boot loudly, with every problem.
          throw new Error(
            `Default workflow "${definition.name}" is invalid: ${result.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`
          );
        }
        await rows().create({
          data: { name: definition.name, contentType: definition.contentType, version: 1, definition: JSON.stringify(definition), savedBy: 'system' },
        });
      }
    },
  };
};
