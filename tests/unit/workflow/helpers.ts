import type { Actor, EvaluationContext } from '../../../src/plugins/workflow/server/src/engine';

/** 2026-05-12 10:00 in Reunion (06:00Z). */
export const NOW = new Date('2026-05-12T06:00:00.000Z');

export const ctx = (over: Partial<EvaluationContext> = {}): EvaluationContext => ({
  now: NOW,
  timezone: 'Indian/Reunion',
  enteredAt: new Date('2026-05-10T05:00:00.000Z'),
  ownerAmbassadorId: 'amb-1',
  related: {},
  comment: null,
  ...over,
});

export const actor = (over: Partial<Actor> = {}): Actor => ({
  kind: 'admin',
  id: 1,
  displayName: 'Test',
  roles: [],
  ...over,
});

export const coordinator = actor({ displayName: 'Coordinatrice', roles: ['coordinator'] });
export const communication = actor({ displayName: 'Communication', roles: ['communication'] });
export const superAdmin = actor({ displayName: 'Super Admin', roles: [], superAdmin: true });
export const system = actor({ kind: 'token', id: 9, displayName: 'API token', roles: ['system'] });
export const ambassadorUser = (ambassadorId: string | null): Actor =>
  actor({ kind: 'user', id: 7, displayName: 'Ambassadeur', roles: ['ambassador'], ambassadorId });
