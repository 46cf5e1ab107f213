import {
  AMBASSADOR_DEFINITION,
  CASE_DEFINITION,
  brokenGuards,
  createGuardRegistry,
  findTransition,
  guardReads,
  mayAffectGuards,
  type TransitionDef,
} from '../../../src/plugins/workflow/server/src/engine';
import { z } from 'zod';
import { ctx } from './helpers';

const toInstalled = findTransition(CASE_DEFINITION, 'visits', 'installed')!;
const toFirstContact = findTransition(CASE_DEFINITION, 'received', 'first_contact')!;
const toOnHold = findTransition(CASE_DEFINITION, 'matching', 'on_hold')!;
const toClosed = findTransition(CASE_DEFINITION, 'installed', 'closed')!;
const toValidated = findTransition(AMBASSADOR_DEFINITION, 'candidate', 'validated')!;
const sameName = (relation: string) => relation;
const registry = createGuardRegistry();

const installed = { state: 'installed', installedAt: '2026-04-01', installationCommune: 'Saint-Pierre', notes: null };

describe('guardReads', () => {
  it('names the attributes each built-in guard reads, relations through the attribute they are loaded by', () => {
    const reads = (t: TransitionDef, relationField: (r: string) => string | null = sameName) =>
      (t.guards ?? []).map((g) => guardReads(registry, g, relationField));
    expect(reads(toInstalled)).toEqual([['installedAt', 'installationCommune'], ['installedAt']]);
    expect(reads(toFirstContact)).toEqual([['ambassador'], ['ambassador']]);
    expect(reads(toClosed)).toEqual([['followUps']]);
    expect(reads(toOnHold)).toEqual([['resumeOn']]);
    expect(reads(toValidated, (r) => (r === 'professional' ? 'pro' : null))).toEqual([['pro']]);
    expect(reads(findTransition(CASE_DEFINITION, 'first_contact', 'interview')!)).toEqual([['actions']]);
  });

  it('is null when it cannot be known: a guard that declares nothing, a relation with no attribute, bad params', () => {
    const custom = createGuardRegistry().register({ name: 'opaque', params: z.object({}).strict(), check: () => null });
    expect(guardReads(custom, { name: 'opaque', params: {} }, sameName)).toBeNull();
    expect(guardReads(registry, toFirstContact.guards![1], () => null)).toBeNull();
    expect(guardReads(registry, { name: 'required', params: { fields: [] } }, sameName)).toBeNull();
    expect(guardReads(registry, { name: 'nope' }, sameName)).toBeNull();
  });
});

describe('mayAffectGuards', () => {
  it('is false only when the write touches nothing any guard reads', () => {
    expect(mayAffectGuards(toInstalled, ['notes', 'majorDifficulty'], sameName, registry)).toBe(false);
    expect(mayAffectGuards(toInstalled, ['notes', 'installedAt'], sameName, registry)).toBe(true);
    expect(mayAffectGuards(toFirstContact, ['ambassador'], sameName, registry)).toBe(true);
    expect(mayAffectGuards(findTransition(CASE_DEFINITION, 'visits', 'matching')!, ['proposedSites'], sameName, registry)).toBe(false);
  });

  it('is true whenever a guard does not say what it reads', () => {
    const custom = createGuardRegistry().register({ name: 'opaque', params: z.object({}).strict(), check: () => null });
    const t: TransitionDef = { from: 'a', to: 'b', label: 'x', roles: [], guards: [{ name: 'opaque', params: {} }] };
    expect(mayAffectGuards(t, ['anything'], sameName, custom)).toBe(true);
  });
});

describe('brokenGuards', () => {
  const check = (t: TransitionDef, before: Record<string, unknown>, after: Record<string, unknown>, c = ctx()) =>
    brokenGuards(t, { doc: before, ctx: c }, { doc: after, ctx: c }, sameName, registry);

  it('lists the guards that held and fail after the write, with the fields the write changed', () => {
    expect(check(toInstalled, installed, { ...installed, installedAt: null })).toEqual([
      { guard: 'required', message: "Champ obligatoire non renseigné : « Date d'installation ».", fields: ['installedAt'] },
      { guard: 'dateNotInFuture', message: "La date « Date d'installation » n'est pas renseignée.", fields: ['installedAt'] },
    ]);
    expect(check(toInstalled, installed, { ...installed, installedAt: '2099-01-01' })).toEqual([
      {
        guard: 'dateNotInFuture',
        message: "La date « Date d'installation » (01/01/2099) ne peut pas être dans le futur.",
        fields: ['installedAt'],
      },
    ]);
  });

  it('lets a correction that keeps the guards true through', () => {
    expect(check(toInstalled, installed, { ...installed, installedAt: '2026-03-15', notes: 'corrigé' })).toEqual([]);
  });

  it('ignores a guard that already failed before the write (a resume date now past)', () => {
    const past = { state: 'on_hold', resumeOn: '2026-05-01' };
    expect(check(toOnHold, past, { ...past, resumeOn: null })).toEqual([]);
    const future = { state: 'on_hold', resumeOn: '2026-06-01' };
    expect(check(toOnHold, future, { ...future, resumeOn: null }).map((b) => b.guard)).toEqual(['dateOrder']);
  });

  it('reads related documents from the context of each side, and compares linked documents by documentId', () => {
    const active = { documentId: 'amb-1', state: 'active' };
    const before = { state: 'first_contact', ambassador: active };
    const sameAgain = { state: 'first_contact', ambassador: { ...active, displayName: 'reloaded', id: 99 } };
    expect(check(toFirstContact, before, sameAgain, ctx({ related: { ambassador: active } }))).toEqual([]);
    const ended = { documentId: 'amb-2', state: 'ended' };
    const broken = brokenGuards(
      toFirstContact,
      { doc: before, ctx: ctx({ related: { ambassador: active } }) },
      { doc: { state: 'first_contact', ambassador: ended }, ctx: ctx({ related: { ambassador: ended } }) },
      sameName,
      registry
    );
    expect(broken.map((b) => [b.guard, b.fields])).toEqual([['relatedState', ['ambassador']]]);
  });

  it('components rewritten with new row ids are not a change; a removed follow-up is', () => {
    const before = { state: 'closed', followUps: [{ id: 1, milestone: 'm12', doneAt: '2026-04-01', notes: null }] };
    const rewritten = { state: 'closed', followUps: [{ id: 7, milestone: 'm12', doneAt: '2026-04-01', notes: null }] };
    expect(check(toClosed, before, rewritten)).toEqual([]);
    expect(check(toClosed, before, { state: 'closed', followUps: [] })).toEqual([
      { guard: 'followUpRecorded', message: "Le suivi à 12 mois n'est pas enregistré (date de réalisation manquante).", fields: ['followUps'] },
    ]);
  });
});
