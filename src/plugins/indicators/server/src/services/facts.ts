import type { Core } from '@strapi/strapi';
import { MILESTONES, UIDS } from '../constants';

/** Case columns holding the first recorded date of each follow-up milestone. */
export const FOLLOW_UP_DATE_FIELDS = {
  m3: 'followUpM3DoneAt',
  m6: 'followUpM6DoneAt',
  m12: 'followUpM12DoneAt',
} as const satisfies Record<(typeof MILESTONES)[number]['milestone'], string>;

/**
 * Every column the application keeps itself, by type: written below the Document Service (raw
 * SQL, triggers, the workflow's transitions), refused on every Document Service write (see
 * register.ts). Hidden from the Content Manager; the content API answers 400 too.
 */
export const KEPT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  [UIDS.case]: [...Object.values(FOLLOW_UP_DATE_FIELDS), 'assignedAmbassadorId'],
  [UIDS.declaration]: ['assignedAmbassadorId'],
  [UIDS.response]: ['caseAmbassadorId'],
  // when a state was left: written by the next transition, in its database transaction
  [UIDS.transition]: ['leftAt'],
};

/** Version of the kept columns below: bumping it refills all of them once, at the next boot. */
export const FACTS_VERSION = 1;

type Mirror = {
  /** the table whose column mirrors the relation, and that column */
  table: string;
  column: string;
  /** Strapi's link table of the manyToOne relation: owner → target */
  link: string;
  owner: string;
  target: string;
};

/**
 * Facts the indicator queries read as plain columns instead of joins over 10⁵ rows:
 * - the first `doneAt` of each follow-up milestone, kept on the case whenever its follow-ups are
 *   written (Document Service middleware);
 * - the ambassador of a case, of a time declaration and of a satisfaction response's case,
 *   mirrored from Strapi's link tables by database triggers, so that every write path (API,
 *   admin panel, cascades when an ambassador or a case is deleted, raw imports) keeps them true.
 * Both are filled once (per FACTS_VERSION) for rows written before the columns existed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sql = () => {
    const meta = (uid: string) => strapi.db.metadata.get(uid as any) as any;
    const c = meta(UIDS.case);
    const jt = c.attributes.followUps.joinTable;
    const f = meta(UIDS.followUp);
    const typeColumn = (jt.morphColumn?.typeColumn?.name ?? 'component_type') as string;
    const field = Object.keys(jt.on ?? { field: 'followUps' })[0] as string;
    const sets: string[] = [];
    const bindings: unknown[] = [];
    for (const { milestone } of MILESTONES) {
      sets.push(`?? = (select min(f.??) from ?? e join ?? f on f.?? = e.?? where e.?? = ??.?? and e.?? = ? and e.?? = ? and f.?? = ?)`);
      bindings.push(
        c.attributes[FOLLOW_UP_DATE_FIELDS[milestone]].columnName,
        f.attributes.doneAt.columnName,
        jt.name,
        f.tableName,
        f.attributes.id.columnName,
        jt.inverseJoinColumn.name,
        jt.joinColumn.name,
        c.tableName,
        c.attributes.id.columnName,
        field,
        (jt.on ?? { field: 'followUps' }).field,
        typeColumn,
        UIDS.followUp,
        f.attributes.milestone.columnName,
        milestone
      );
    }
    return { table: c.tableName as string, documentIdColumn: c.attributes.documentId.columnName as string, set: sets.join(', '), bindings };
  };

  const mirrors = () => {
    const meta = (uid: string) => strapi.db.metadata.get(uid as any) as any;
    const viaLink = (uid: string, relation: string, column: string): Mirror => {
      const m = meta(uid);
      const jt = m.attributes[relation].joinTable;
      return { table: m.tableName, column: m.attributes[column].columnName, link: jt.name, owner: jt.joinColumn.name, target: jt.inverseJoinColumn.name };
    };
    const cases = viaLink(UIDS.case, 'ambassador', 'assignedAmbassadorId');
    const declarations = viaLink(UIDS.declaration, 'ambassador', 'assignedAmbassadorId');
    const responses = viaLink(UIDS.response, 'case', 'caseAmbassadorId');
    return { cases, declarations, responses };
  };

  const q = (name: string) => strapi.db.connection.raw('??', [name]).toQuery();

  // value of a mirror for one owner row (an SQL expression): its current link, the newest should
  // there be two; a response's: the mirrored ambassador of the case it is linked to. The triggers
  // and the full refill compute the same expressions.
  const linked = (m: Mirror, owner: string) => `(select l.${q(m.target)} from ${q(m.link)} l where l.${q(m.owner)} = ${owner} order by l.id desc limit 1)`;
  const responseValue = (C: Mirror, R: Mirror, response: string) =>
    `(select c.${q(C.column)} from ${q(R.link)} l join ${q(C.table)} c on c.id = l.${q(R.target)} where l.${q(R.owner)} = ${response} order by l.id desc limit 1)`;

  /** The statements that create the triggers (idempotent), for the current dialect. */
  const triggerStatements = (): string[] => {
    const { cases: C, declarations: D, responses: R } = mirrors();
    const pg = strapi.db.dialect.client === 'postgres';
    const direct = (m: Mirror, row: 'new' | 'old') => `update ${q(m.table)} set ${q(m.column)} = ${linked(m, `${row}.${q(m.owner)}`)} where id = ${row}.${q(m.owner)}`;
    const ofResponse = (row: 'new' | 'old') =>
      `update ${q(R.table)} set ${q(R.column)} = ${responseValue(C, R, `${row}.${q(R.owner)}`)} where id = ${row}.${q(R.owner)}`;
    const caseChanged = `update ${q(R.table)} set ${q(R.column)} = new.${q(C.column)} where id in (select l.${q(R.owner)} from ${q(R.link)} l where l.${q(R.target)} = new.id)`;

    const links: Array<{ name: string; table: string; onNew: string; onOld: string }> = [
      { name: 'ind_mirror_case_ambassador', table: C.link, onNew: direct(C, 'new'), onOld: direct(C, 'old') },
      { name: 'ind_mirror_declaration_ambassador', table: D.link, onNew: direct(D, 'new'), onOld: direct(D, 'old') },
      { name: 'ind_mirror_response_case', table: R.link, onNew: ofResponse('new'), onOld: ofResponse('old') },
    ];
    if (pg) {
      const fn = (name: string, body: string) =>
        `create or replace function ${q(`${name}_fn`)}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`;
      const trigger = (name: string, table: string, when: string) => [
        `drop trigger if exists ${q(name)} on ${q(table)}`,
        `create trigger ${q(name)} after ${when} on ${q(table)} for each row execute function ${q(`${name}_fn`)}()`,
      ];
      return [
        ...links.flatMap((l) => [
          fn(l.name, `if tg_op in ('UPDATE', 'DELETE') then ${l.onOld}; end if; if tg_op in ('INSERT', 'UPDATE') then ${l.onNew}; end if;`),
          ...trigger(l.name, l.table, 'insert or update or delete'),
        ]),
        fn('ind_mirror_case_to_responses', `if new.${q(C.column)} is distinct from old.${q(C.column)} then ${caseChanged}; end if;`),
        ...trigger('ind_mirror_case_to_responses', C.table, `update of ${q(C.column)}`),
      ];
    }
    return [
      ...links.flatMap((l) => [
        `drop trigger if exists ${q(`${l.name}_ins`)}`,
        `create trigger ${q(`${l.name}_ins`)} after insert on ${q(l.table)} begin ${l.onNew}; end`,
        `drop trigger if exists ${q(`${l.name}_del`)}`,
        `create trigger ${q(`${l.name}_del`)} after delete on ${q(l.table)} begin ${l.onOld}; end`,
        `drop trigger if exists ${q(`${l.name}_upd`)}`,
        `create trigger ${q(`${l.name}_upd`)} after update on ${q(l.table)} begin ${l.onOld}; ${l.onNew}; end`,
      ]),
      `drop trigger if exists ${q('ind_mirror_case_to_responses')}`,
      `create trigger ${q('ind_mirror_case_to_responses')} after update of ${q(C.column)} on ${q(C.table)} when new.${q(C.column)} is not old.${q(C.column)} begin ${caseChanged}; end`,
    ];
  };

  return {
    /**
     * At every boot: creates the mirror triggers (a table rebuilt by a schema change loses its
     * triggers on SQLite). Once per FACTS_VERSION: fills every kept column from the source data,
     * for rows written before the columns (or this version of them) existed.
     */
    async install() {
      await strapi.db.connection.transaction(async (trx) => {
        for (const statement of triggerStatements()) await trx.raw(statement);
      });
      const store = strapi.store({ type: 'plugin', name: 'indicators' });
      if (Number(await store.get({ key: 'facts-version' })) >= FACTS_VERSION) return;
      await this.refreshMirrors();
      await this.refreshFollowUpDates();
      await store.set({ key: 'facts-version', value: FACTS_VERSION });
    },

    /** Recomputes every mirrored column from the link tables. */
    async refreshMirrors() {
      const { cases: C, declarations: D, responses: R } = mirrors();
      const knex = strapi.db.connection;
      for (const m of [C, D]) await knex.raw(`update ${q(m.table)} set ${q(m.column)} = ${linked(m, `${q(m.table)}.id`)}`);
      await knex.raw(`update ${q(R.table)} set ${q(R.column)} = ${responseValue(C, R, `${q(R.table)}.id`)}`);
    },

    /** Recomputes the follow-up dates of one case (every row of the document), or of all cases. */
    async refreshFollowUpDates(documentId?: string) {
      const { table, documentIdColumn, set, bindings } = sql();
      const where = documentId ? ` where ?? = ?` : '';
      await strapi.db.connection.raw(`update ?? set ${set}${where}`, [table, ...bindings, ...(documentId ? [documentIdColumn, documentId] : [])]);
    },
  };
};
