import {
  CASE_DEFINITION,
  TIME_DECLARATION_DEFINITION,
  allTimers,
  checkTransition,
  createGuardRegistry,
  evaluate,
  findTransition,
  isFinalState,
  isRoleAllowed,
  SYSTEM_ROLES,
  timerDueAt,
  timersOf,
  transitionsFrom,
} from '../../../src/plugins/workflow/server/src/engine';
import { z } from 'zod';
import { actor, ambassadorUser, communication, coordinator, ctx, superAdmin, system } from './helpers';

const ROLE = { guard: 'role', message: 'Votre rôle ne permet pas cette étape.' };

describe('evaluate', () => {
  it('lists every transition from the current state, in definition order, with failures', () => {
    const doc = { state: 'received', ambassador: null, abandonReason: '' };
    const r = evaluate(CASE_DEFINITION, doc, coordinator, ctx({ related: { ambassador: null } }));
    expect(r).toEqual({
      state: 'received',
      available: [
        {
          to: 'first_contact',
          label: 'Prendre en charge',
          allowed: false,
          roleAllowed: true,
          failures: [
            { guard: 'required', message: 'Champ obligatoire non renseigné : « Ambassadeur ».' },
            { guard: 'relatedState', message: "Aucun élément n'est lié dans « Ambassadeur »." },
          ],
        },
        {
          to: 'abandoned',
          label: 'Classer sans suite',
          allowed: false,
          roleAllowed: true,
          failures: [{ guard: 'required', message: "Champ obligatoire non renseigné : « Motif d'abandon »." }],
        },
      ],
    });
  });

  it('allows a transition whose guards pass', () => {
    const doc = { state: 'received', ambassador: { documentId: 'amb-1' } };
    const r = evaluate(CASE_DEFINITION, doc, coordinator, ctx({ related: { ambassador: { documentId: 'amb-1', state: 'active' } } }));
    expect(r.available[0]).toEqual({ to: 'first_contact', label: 'Prendre en charge', allowed: true, roleAllowed: true, failures: [] });
  });

  it('an unknown current state has no transitions; a final state neither', () => {
    expect(evaluate(CASE_DEFINITION, { state: 'limbo' }, coordinator, ctx()).available).toEqual([]);
    expect(evaluate(CASE_DEFINITION, { state: 'closed' }, coordinator, ctx()).available).toEqual([]);
  });

  it('evaluates guards even when the role is not allowed, role failure first', () => {
    const doc = { state: 'first_contact', actions: [] };
    const other = ambassadorUser('amb-2'); // not the case's ambassador
    const r = evaluate(CASE_DEFINITION, doc, other, ctx());
    expect(r.available.map((t) => t.to)).toEqual(['interview', 'abandoned', 'on_hold']);
    expect(r.available[0]).toEqual({
      to: 'interview',
      label: "Passer à l'entretien",
      allowed: false,
      roleAllowed: false,
      failures: [
        ROLE,
        { guard: 'actionLogged', message: 'Aucune action enregistrée depuis le 10/05/2026 : consignez au moins une action avant de continuer.' },
      ],
    });
    // A role failure alone still disallows.
    const logged = { state: 'first_contact', actions: [{ kind: 'call', date: '2026-05-11' }] };
    const r2 = evaluate(CASE_DEFINITION, logged, other, ctx());
    expect(r2.available[0]).toMatchObject({ allowed: false, roleAllowed: false, failures: [ROLE] });
  });
});

describe('roles in evaluation', () => {
  // first_contact → interview is for coordinator and assignedAmbassador; → abandoned is coordinator only.
  const doc = { state: 'first_contact', actions: [{ kind: 'call', date: '2026-05-11' }], abandonReason: 'Installé ailleurs' };
  const allowedTargets = (a: Parameters<typeof evaluate>[2], c = ctx()) =>
    evaluate(CASE_DEFINITION, doc, a, c)
      .available.filter((t) => t.roleAllowed)
      .map((t) => t.to);

  it('coordinator', () => {
    expect(allowedTargets(coordinator)).toEqual(['interview', 'abandoned', 'on_hold']);
  });
  it('super admin and system may take every transition', () => {
    expect(allowedTargets(superAdmin)).toEqual(['interview', 'abandoned', 'on_hold']);
    expect(allowedTargets(system)).toEqual(['interview', 'abandoned', 'on_hold']);
  });
  it('super admin still goes through the guards', () => {
    const r = evaluate(CASE_DEFINITION, { state: 'first_contact', actions: [] }, superAdmin, ctx());
    expect(r.available[0]).toMatchObject({ to: 'interview', roleAllowed: true, allowed: false });
    expect(r.available[0].failures.map((f) => f.guard)).toEqual(['actionLogged']);
  });
  it('the assigned ambassador (matching ambassadorId)', () => {
    expect(allowedTargets(ambassadorUser('amb-1'))).toEqual(['interview', 'on_hold']);
  });
  it('another ambassador, or an ambassador without ambassadorId, is not the assigned one', () => {
    expect(allowedTargets(ambassadorUser('amb-2'))).toEqual([]);
    expect(allowedTargets(ambassadorUser(null))).toEqual([]);
    expect(allowedTargets(ambassadorUser(null), ctx({ ownerAmbassadorId: null }))).toEqual([]);
  });
  it('a coordinator with an ambassadorId matching the owner counts as assigned too', () => {
    expect(isRoleAllowed(['assignedAmbassador'], actor({ roles: ['coordinator'], ambassadorId: 'amb-1' }), { ownerAmbassadorId: 'amb-1' })).toBe(true);
  });
  it('communication staff cannot move cases', () => {
    const r = evaluate(CASE_DEFINITION, doc, communication, ctx());
    expect(r.available.every((t) => !t.roleAllowed && !t.allowed && t.failures[0].guard === 'role')).toBe(true);
  });
  it('ambassador (any) matches any actor with the ambassador role', () => {
    expect(isRoleAllowed(['ambassador'], ambassadorUser('amb-9'), { ownerAmbassadorId: 'amb-1' })).toBe(true);
    expect(isRoleAllowed(['ambassador'], ambassadorUser(null), { ownerAmbassadorId: 'amb-1' })).toBe(true);
    expect(isRoleAllowed(['ambassador'], coordinator, { ownerAmbassadorId: 'amb-1' })).toBe(false);
  });
  it('time declarations: only the declarant submits', () => {
    const decl = { state: 'draft', hours: 2, travelKm: 0, travelCost: 0 };
    expect(evaluate(TIME_DECLARATION_DEFINITION, decl, ambassadorUser('amb-1'), ctx()).available).toEqual([
      { to: 'submitted', label: 'Soumettre', allowed: true, roleAllowed: true, failures: [] },
    ]);
    expect(evaluate(TIME_DECLARATION_DEFINITION, decl, coordinator, ctx()).available[0]).toMatchObject({ allowed: false, failures: [ROLE] });
  });
});

describe('role mapping', () => {
  it('system roles', () => {
    expect(SYSTEM_ROLES).toEqual(['system']);
  });
});

describe('findTransition and checkTransition', () => {
  it('findTransition handles from lists', () => {
    expect(findTransition(CASE_DEFINITION, 'matching', 'installed')?.label).toBe("Confirmer l'installation");
    expect(findTransition(CASE_DEFINITION, 'visits', 'installed')).toBe(findTransition(CASE_DEFINITION, 'interview', 'installed'));
    expect(findTransition(CASE_DEFINITION, 'received', 'installed')).toBeNull();
    expect(transitionsFrom(CASE_DEFINITION, 'on_hold').map((t) => t.to)).toEqual(['abandoned', 'first_contact', 'interview', 'matching']);
  });

  const installedDoc = { state: 'visits', installedAt: '2026-05-01', installationCommune: 'Le Tampon' };

  it('ok', () => {
    const r = checkTransition(CASE_DEFINITION, installedDoc, coordinator, ctx(), 'installed');
    expect(r).toEqual({ kind: 'ok', transition: findTransition(CASE_DEFINITION, 'visits', 'installed') });
  });
  it('unknown', () => {
    expect(checkTransition(CASE_DEFINITION, installedDoc, coordinator, ctx(), 'closed')).toEqual({ kind: 'unknown' });
    expect(checkTransition(CASE_DEFINITION, installedDoc, coordinator, ctx(), 'nowhere')).toEqual({ kind: 'unknown' });
  });
  it('forbidden: role not allowed (role first, then guards)', () => {
    const doc = { ...installedDoc, installedAt: '2026-06-01' };
    expect(checkTransition(CASE_DEFINITION, doc, ambassadorUser('amb-1'), ctx(), 'installed')).toEqual({
      kind: 'forbidden',
      failures: [ROLE, { guard: 'dateNotInFuture', message: "La date « Date d'installation » (01/06/2026) ne peut pas être dans le futur." }],
    });
  });
  it('guards: role allowed, guards fail', () => {
    expect(checkTransition(CASE_DEFINITION, { state: 'visits' }, coordinator, ctx(), 'installed')).toEqual({
      kind: 'guards',
      failures: [
        { guard: 'required', message: "Champs obligatoires non renseignés : « Date d'installation » et « Commune d'installation »." },
        { guard: 'dateNotInFuture', message: "La date « Date d'installation » n'est pas renseignée." },
      ],
    });
  });
  it('uses the registry given', () => {
    const def = { ...CASE_DEFINITION, transitions: [{ from: 'received', to: 'first_contact', label: 'x', roles: ['system' as const], guards: [{ name: 'never' }] }] };
    const registry = createGuardRegistry().register({ name: 'never', params: z.object({}), check: () => 'Jamais.' });
    expect(checkTransition(def, { state: 'received' }, system, ctx(), 'first_contact', registry)).toEqual({
      kind: 'guards',
      failures: [{ guard: 'never', message: 'Jamais.' }],
    });
    expect(checkTransition(def, { state: 'received' }, system, ctx(), 'first_contact')).toEqual({
      kind: 'guards',
      failures: [{ guard: 'never', message: 'Règle inconnue : « never ».' }],
    });
  });
});

describe('states and timers', () => {
  it('isFinalState, timersOf, allTimers', () => {
    expect(isFinalState(CASE_DEFINITION, 'closed')).toBe(true);
    expect(isFinalState(CASE_DEFINITION, 'abandoned')).toBe(false);
    expect(timersOf(CASE_DEFINITION, 'matching').map((t) => t.rule)).toEqual(['case.matching.warning', 'case.matching.overdue']);
    expect(timersOf(CASE_DEFINITION, 'visits')).toEqual([]);
    expect(allTimers(CASE_DEFINITION).map((t) => `${t.state}:${t.timer.rule}`)).toEqual([
      'received:case.received.unhandled',
      'matching:case.matching.warning',
      'matching:case.matching.overdue',
      'installed:case.follow_up.m3',
      'installed:case.follow_up.m6',
      'installed:case.follow_up.m12',
      'installed:case.satisfaction',
      'on_hold:case.on_hold.resume',
    ]);
  });
  it('timerDueAt from enteredAt, a date field and a datetime field', () => {
    const [warning] = timersOf(CASE_DEFINITION, 'matching');
    expect(timerDueAt(warning, {}, new Date('2026-05-10T05:00:00Z'), 'Indian/Reunion')?.toISOString()).toBe('2026-05-17T05:00:00.000Z');
    expect(timerDueAt(warning, {}, null, 'Indian/Reunion')).toBeNull();
    const [m3] = timersOf(CASE_DEFINITION, 'installed');
    // 2026-11-30 + P3M = 2027-02-28, at 08:00 in Reunion = 04:00Z.
    expect(timerDueAt(m3, { installedAt: '2026-11-30' }, null, 'Indian/Reunion')?.toISOString()).toBe('2027-02-28T04:00:00.000Z');
    expect(timerDueAt(m3, { installedAt: null }, null, 'Indian/Reunion')).toBeNull();
    const renewal = { rule: 'r', after: '-P30D', from: 'mandateEnd', to: ['coordinator' as const], template: 'r' };
    expect(timerDueAt(renewal, { mandateEnd: '2027-05-12' }, null, 'Europe/Paris', '09:30')?.toISOString()).toBe('2027-04-12T07:30:00.000Z');
    expect(timerDueAt(renewal, { mandateEnd: '2027-05-12T10:00:00Z' }, null, 'Europe/Paris')?.toISOString()).toBe('2027-04-12T10:00:00.000Z');
  });
});
