import {
  BUILT_IN_GUARDS,
  createGuardRegistry,
  defaultGuardRegistry,
  isEmptyValue,
  runGuard,
  type EvaluationContext,
  type Guard,
} from '../../../src/plugins/workflow/server/src/engine';
import { z } from 'zod';
import { ctx } from './helpers';

/** Runs a built-in guard through the registry (params validated like in evaluation). */
const check = (name: string, params: Record<string, unknown>, doc: Record<string, unknown> = {}, c: EvaluationContext = ctx()) =>
  runGuard(defaultGuardRegistry, { name, params }, doc, c)?.message ?? null;

describe('registry', () => {
  it('is pre-loaded with the built-ins', () => {
    expect(createGuardRegistry().names()).toEqual([
      'required',
      'dateNotInFuture',
      'dateOrder',
      'relatedState',
      'actionLogged',
      'commentProvided',
      'memberWithCurrentFee',
      'followUpRecorded',
      'anyPositive',
    ]);
    expect(BUILT_IN_GUARDS).toHaveLength(9);
  });

  it('registers more guards, per registry', () => {
    const registry = createGuardRegistry();
    const guard: Guard = {
      name: 'capacityLeft',
      params: z.object({ max: z.number() }).strict(),
      check: (doc, p) => ((doc.load as number) < p.max ? null : 'Capacité atteinte.'),
    };
    expect(registry.register(guard)).toBe(registry);
    expect(registry.has('capacityLeft')).toBe(true);
    expect(registry.get('capacityLeft')).toBe(guard);
    expect(createGuardRegistry().has('capacityLeft')).toBe(false);
    expect(defaultGuardRegistry.has('capacityLeft')).toBe(false);
    expect(runGuard(registry, { name: 'capacityLeft', params: { max: 3 } }, { load: 3 }, ctx())).toEqual({
      guard: 'capacityLeft',
      message: 'Capacité atteinte.',
    });
    expect(() => registry.register({ name: '', params: z.object({}), check: () => null })).toThrow(/needs a name/);
  });

  it('runGuard turns an unknown guard, bad params and a throwing guard into failures', () => {
    expect(runGuard(defaultGuardRegistry, { name: 'nope' }, {}, ctx())).toEqual({ guard: 'nope', message: 'Règle inconnue : « nope ».' });
    expect(runGuard(defaultGuardRegistry, { name: 'required', params: { fields: 'x' } }, {}, ctx())).toEqual({
      guard: 'required',
      message: 'Paramètres invalides pour la règle « required ».',
    });
    const registry = createGuardRegistry().register({
      name: 'boom',
      params: z.object({}),
      check: () => {
        throw new Error('kaput');
      },
    });
    expect(runGuard(registry, { name: 'boom' }, {}, ctx())).toEqual({
      guard: 'boom',
      message: "La règle « boom » n'a pas pu être vérifiée (kaput).",
    });
  });
});

describe('isEmptyValue', () => {
  it.each([
    [null, true],
    [undefined, true],
    ['', true],
    ['   ', true],
    [[], true],
    [false, true],
    [NaN, true],
    [{}, true],
    [{ id: 3 }, true],
    [{ id: 3, __component: 'case.needs', premises: false, housing: false, notes: null }, true],
    [{ id: 3, notes: '  ' }, true],
    [{ id: 3, premises: false, notes: '' , list: [] }, true],
    ['x', false],
    [0, false],
    [true, false],
    [[{ id: 1 }], false],
    [{ id: 3, premises: true }, false],
    [{ id: 3, notes: 'logement' }, false],
    [{ id: 4, documentId: 'abc' }, false],
    [new Date('2026-01-01'), false],
  ])('%p → %p', (value, expected) => {
    expect(isEmptyValue(value)).toBe(expected);
  });
});

describe('required', () => {
  it('passes when every field is filled', () => {
    expect(
      check(
        'required',
        { fields: ['a', 'b', 'c', 'd', 'e'] },
        { a: 'x', b: 0, c: [{ id: 1 }], d: { id: 1, documentId: 'amb' }, e: { id: 2, housing: true } }
      )
    ).toBeNull();
  });
  it('lists every missing field with its label in one message', () => {
    expect(
      check(
        'required',
        { fields: ['needs', 'timeline', 'practiceMode', 'employment'], labels: { needs: 'Besoins', timeline: 'Échéance' } },
        { needs: { id: 1, premises: false, housing: false, notes: null }, timeline: '  ', practiceMode: 'group', employment: null }
      )
    ).toBe('Champs obligatoires non renseignés : « Besoins », « Échéance » et « employment ».');
  });
  it('names a single missing field', () => {
    expect(check('required', { fields: ['ambassador'], labels: { ambassador: 'Ambassadeur' } }, { ambassador: null })).toBe(
      'Champ obligatoire non renseigné : « Ambassadeur ».'
    );
  });
  it('treats an empty relation list as missing', () => {
    expect(check('required', { fields: ['proposedSites'] }, { proposedSites: [] })).toBe(
      'Champ obligatoire non renseigné : « proposedSites ».'
    );
    expect(check('required', { fields: ['proposedSites'] }, { proposedSites: [{ documentId: 's1' }] })).toBeNull();
  });
  it('treats an unticked boolean as missing (kitHandedOver must be true)', () => {
    const params = { fields: ['kitHandedOver'], labels: { kitHandedOver: 'Kit remis' } };
    expect(check('required', params, { kitHandedOver: false })).toBe('Champ obligatoire non renseigné : « Kit remis ».');
    expect(check('required', params, { kitHandedOver: true })).toBeNull();
  });
});

describe('dateNotInFuture', () => {
  // NOW = 2026-05-12 10:00 in Reunion.
  const p = { field: 'installedAt', label: "Date d'installation" };
  it('passes for today and the past (dates, in the workflow zone)', () => {
    expect(check('dateNotInFuture', p, { installedAt: '2026-05-12' })).toBeNull();
    expect(check('dateNotInFuture', p, { installedAt: '2025-12-01' })).toBeNull();
  });
  it('fails for tomorrow, with the date in French', () => {
    expect(check('dateNotInFuture', p, { installedAt: '2026-05-13' })).toBe(
      "La date « Date d'installation » (13/05/2026) ne peut pas être dans le futur."
    );
  });
  it('uses the local date: 23:30Z on the 12th is already the 13th in Reunion', () => {
    const late = ctx({ now: new Date('2026-05-12T21:00:00Z') }); // 13 May 01:00 in Reunion
    expect(check('dateNotInFuture', p, { installedAt: '2026-05-13' }, late)).toBeNull();
    expect(check('dateNotInFuture', p, { installedAt: '2026-05-13' }, ctx({ now: late.now, timezone: 'Europe/Paris' }))).toBe(
      "La date « Date d'installation » (13/05/2026) ne peut pas être dans le futur."
    );
  });
  it('compares datetimes with now', () => {
    expect(check('dateNotInFuture', { field: 'at' }, { at: '2026-05-12T05:59:00Z' })).toBeNull();
    expect(check('dateNotInFuture', { field: 'at' }, { at: '2026-05-12T06:01:00Z' })).toBe(
      'La date « at » (12/05/2026 10:01) ne peut pas être dans le futur.'
    );
  });
  it('fails on a missing or invalid value', () => {
    expect(check('dateNotInFuture', p, {})).toBe("La date « Date d'installation » n'est pas renseignée.");
    expect(check('dateNotInFuture', p, { installedAt: '31/12/2025' })).toBe("La date « Date d'installation » est invalide.");
  });
});

describe('dateOrder', () => {
  const resume = { field: 'resumeOn', after: '$today', strict: true, label: 'Date de reprise' };
  it('resume date strictly in the future', () => {
    expect(check('dateOrder', resume, { resumeOn: '2026-05-13' })).toBeNull();
    expect(check('dateOrder', resume, { resumeOn: '2026-05-12' })).toBe(
      "La date « Date de reprise » (12/05/2026) doit être après aujourd'hui."
    );
    expect(check('dateOrder', resume, {})).toBe("La date « Date de reprise » n'est pas renseignée.");
  });
  it('non-strict allows the same day', () => {
    expect(check('dateOrder', { ...resume, strict: false }, { resumeOn: '2026-05-12' })).toBeNull();
    expect(check('dateOrder', { ...resume, strict: false }, { resumeOn: '2026-05-11' })).toBe(
      "La date « Date de reprise » (11/05/2026) ne peut pas être avant aujourd'hui."
    );
  });
  it('compares two fields, before and after', () => {
    const p = { field: 'mandateEnd', after: 'mandateStart', strict: true, labels: { mandateStart: 'Début' }, label: 'Fin' };
    expect(check('dateOrder', p, { mandateStart: '2026-01-01', mandateEnd: '2027-01-01' })).toBeNull();
    expect(check('dateOrder', p, { mandateStart: '2026-01-01', mandateEnd: '2026-01-01' })).toBe(
      'La date « Fin » (01/01/2026) doit être après « Début » (01/01/2026).'
    );
    expect(check('dateOrder', p, { mandateEnd: '2026-01-01' })).toBe(
      "« Fin » ne peut pas être vérifiée : la date « Début » n'est pas renseignée."
    );
    const before = { field: 'start', before: 'end' };
    expect(check('dateOrder', before, { start: '2026-01-02', end: '2026-01-02' })).toBeNull();
    expect(check('dateOrder', before, { start: '2026-01-03', end: '2026-01-02' })).toBe(
      'La date « start » (03/01/2026) ne peut pas être après « end » (02/01/2026).'
    );
    expect(check('dateOrder', { ...before, strict: true }, { start: '2026-01-02', end: '2026-01-02' })).toBe(
      'La date « start » (02/01/2026) doit être avant « end » (02/01/2026).'
    );
  });
  it('compares datetimes with $now', () => {
    expect(check('dateOrder', { field: 'at', before: '$now' }, { at: '2026-05-12T05:00:00Z' })).toBeNull();
    expect(check('dateOrder', { field: 'at', before: '$now' }, { at: '2026-05-12T07:00:00Z' })).toBe(
      'La date « at » (12/05/2026 11:00) ne peut pas être après maintenant.'
    );
  });
  it('needs after or before', () => {
    expect(check('dateOrder', { field: 'x' }, { x: '2026-01-01' })).toBe('Paramètres invalides pour la règle « dateOrder ».');
  });
});

describe('relatedState', () => {
  const p = { relation: 'ambassador', states: ['active'], label: 'Ambassadeur', stateLabels: { active: 'Actif', notice: 'Préavis' } };
  it('passes when the related document is in one of the states', () => {
    expect(check('relatedState', p, {}, ctx({ related: { ambassador: { state: 'active' } } }))).toBeNull();
  });
  it('fails with the current and expected states', () => {
    expect(check('relatedState', p, {}, ctx({ related: { ambassador: { state: 'notice' } } }))).toBe(
      "« Ambassadeur » est à l'état « Préavis » ; état attendu : « Actif »."
    );
    expect(check('relatedState', { relation: 'ambassador', states: ['active', 'notice'] }, {}, ctx({ related: { ambassador: { state: 'ended' } } }))).toBe(
      "« ambassador » est à l'état « ended » ; état attendu : l'un de « active » et « notice »."
    );
  });
  it('fails saying nothing is linked', () => {
    expect(check('relatedState', p, {}, ctx({ related: { ambassador: null } }))).toBe("Aucun élément n'est lié dans « Ambassadeur ».");
    expect(check('relatedState', p, {}, ctx({ related: {} }))).toBe("Aucun élément n'est lié dans « Ambassadeur ».");
  });
});

describe('actionLogged', () => {
  // Entered the state on 2026-05-10 09:00 Reunion.
  it('passes with an action on or after the day of entering the state', () => {
    expect(check('actionLogged', {}, { actions: [{ kind: 'call', date: '2026-05-10' }] })).toBeNull();
    expect(check('actionLogged', {}, { actions: [{ kind: 'email', date: '2026-05-11' }] })).toBeNull();
  });
  it('fails when the only actions are older', () => {
    expect(check('actionLogged', {}, { actions: [{ kind: 'call', date: '2026-05-09' }] })).toBe(
      'Aucune action enregistrée depuis le 10/05/2026 : consignez au moins une action avant de continuer.'
    );
    expect(check('actionLogged', {}, {})).toBe(
      'Aucune action enregistrée depuis le 10/05/2026 : consignez au moins une action avant de continuer.'
    );
  });
  it('filters by kind', () => {
    const doc = { actions: [{ kind: 'email', date: '2026-05-11' }] };
    expect(check('actionLogged', { kinds: ['call', 'meeting'] }, doc)).toBe(
      'Aucune action (appel, rencontre) enregistrée depuis le 10/05/2026 : consignez au moins une action avant de continuer.'
    );
    expect(check('actionLogged', { kinds: ['email'] }, doc)).toBeNull();
  });
  it('reads enteredAt on the local calendar', () => {
    // 2026-05-09T21:00Z is 10 May 01:00 in Reunion but 9 May 23:00 in Paris.
    const entered = new Date('2026-05-09T21:00:00Z');
    const doc = { actions: [{ kind: 'call', date: '2026-05-09' }] };
    expect(check('actionLogged', {}, doc, ctx({ enteredAt: entered }))).not.toBeNull();
    expect(check('actionLogged', {}, doc, ctx({ enteredAt: entered, timezone: 'Europe/Paris' }))).toBeNull();
  });
  it('without enteredAt, any action counts', () => {
    expect(check('actionLogged', {}, { actions: [{ kind: 'call', date: '2020-01-01' }] }, ctx({ enteredAt: null }))).toBeNull();
  });
});

describe('commentProvided', () => {
  it('needs a non-blank comment', () => {
    expect(check('commentProvided', {}, {}, ctx({ comment: 'Justificatif manquant' }))).toBeNull();
    expect(check('commentProvided', {}, {}, ctx({ comment: '   ' }))).toBe('Un commentaire est obligatoire pour cette étape.');
    expect(check('commentProvided', {}, {}, ctx({ comment: null }))).toBe('Un commentaire est obligatoire pour cette étape.');
  });
});

describe('memberWithCurrentFee', () => {
  const withPro = (professional: Record<string, unknown> | null, over: Partial<EvaluationContext> = {}) =>
    ctx({ related: { professional }, ...over });
  it('passes for a member with the current-year fee', () => {
    expect(check('memberWithCurrentFee', {}, {}, withPro({ isMember: true, lastFeeYear: 2026 }))).toBeNull();
  });
  it('fails without a linked professional', () => {
    expect(check('memberWithCurrentFee', {}, {}, withPro(null))).toBe("Aucune fiche professionnel n'est liée.");
  });
  it('fails for a non-member', () => {
    expect(check('memberWithCurrentFee', {}, {}, withPro({ isMember: false, lastFeeYear: 2026 }))).toBe(
      "Le professionnel lié n'est pas adhérent de la CPTS."
    );
  });
  it('fails for last year\'s fee, and with no fee', () => {
    expect(check('memberWithCurrentFee', {}, {}, withPro({ isMember: true, lastFeeYear: 2025 }))).toBe(
      "La cotisation 2026 n'est pas à jour (dernière cotisation : 2025)."
    );
    expect(check('memberWithCurrentFee', {}, {}, withPro({ isMember: true, lastFeeYear: null }))).toBe(
      "La cotisation 2026 n'est pas à jour (aucune cotisation enregistrée)."
    );
  });
  it('uses the year in the workflow zone (New Year in Reunion comes first)', () => {
    const newYear = new Date('2026-12-31T21:00:00Z'); // 2027-01-01 01:00 in Reunion
    expect(check('memberWithCurrentFee', {}, {}, withPro({ isMember: true, lastFeeYear: 2026 }, { now: newYear }))).toBe(
      "La cotisation 2027 n'est pas à jour (dernière cotisation : 2026)."
    );
    expect(
      check('memberWithCurrentFee', {}, {}, withPro({ isMember: true, lastFeeYear: 2026 }, { now: newYear, timezone: 'Europe/Paris' }))
    ).toBeNull();
  });
  it('reads another relation when told', () => {
    expect(check('memberWithCurrentFee', { relation: 'pro' }, {}, ctx({ related: { pro: { isMember: true, lastFeeYear: '2026' } } }))).toBeNull();
  });
});

describe('followUpRecorded', () => {
  it('needs the milestone with a done date', () => {
    expect(check('followUpRecorded', { milestone: 'm12' }, { followUps: [{ milestone: 'm12', doneAt: '2027-05-02' }] })).toBeNull();
    expect(
      check('followUpRecorded', { milestone: 'm12' }, { followUps: [{ milestone: 'm6', doneAt: '2026-11-02' }, { milestone: 'm12', doneAt: null }] })
    ).toBe("Le suivi à 12 mois n'est pas enregistré (date de réalisation manquante).");
    expect(check('followUpRecorded', { milestone: 'm3' }, {})).toBe(
      "Le suivi à 3 mois n'est pas enregistré (date de réalisation manquante)."
    );
  });
  it('refuses an unknown milestone', () => {
    expect(check('followUpRecorded', { milestone: 'm24' }, {})).toBe('Paramètres invalides pour la règle « followUpRecorded ».');
  });
});

describe('anyPositive', () => {
  const p = { fields: ['hours', 'travelKm', 'travelCost'], labels: { hours: 'Heures', travelKm: 'Kilomètres', travelCost: 'Frais' } };
  it('passes when one value is > 0, numbers or numeric strings', () => {
    expect(check('anyPositive', p, { hours: 0, travelKm: 12, travelCost: 0 })).toBeNull();
    expect(check('anyPositive', p, { hours: '1.5', travelKm: null })).toBeNull();
  });
  it('fails when every value is 0, missing or not a number', () => {
    expect(check('anyPositive', p, { hours: 0, travelKm: '0', travelCost: 'abc' })).toBe(
      'Au moins une valeur doit être supérieure à 0 parmi « Heures », « Kilomètres » et « Frais ».'
    );
    expect(check('anyPositive', { fields: ['hours'] }, { hours: -2 })).toBe('« hours » doit être supérieur à 0.');
  });
});
