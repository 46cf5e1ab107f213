import { identifyCaller } from '../../src/plugins/access/server/src/services/access';
import { configSchema } from '../../src/plugins/access/server/src/config';
import pluginsConfig from '../../config/plugins';

// The app's own configuration of the access plugin, read as Strapi reads it.
const env: any = Object.assign((_k: string, d?: unknown) => d, { int: (_k: string, d?: unknown) => d, bool: (_k: string, d?: unknown) => d });
const config = configSchema.parse((pluginsConfig({ env } as any) as any).access.config);

const admin = (...codes: string[]) => ({ state: { auth: { strategy: { name: 'admin' } }, user: { id: 7, firstname: 'Léa', lastname: 'M', roles: codes.map((code) => ({ code })) } } });
const user = (type: string) => ({ state: { auth: { strategy: { name: 'users-permissions' } }, user: { id: 3, username: 'u3', role: { type } } } });
const token = (type: string) => ({ state: { auth: { strategy: { name: 'content-api-token' }, credentials: { id: 9, type } } } });

describe('who is calling', () => {
  it('maps admin role codes to role keys; Super Admin is recognised by its code', () => {
    expect(identifyCaller(admin('strapi-super-admin'), config)).toMatchObject({ kind: 'admin', roles: [], superAdmin: true, displayName: 'Léa M' });
    expect(identifyCaller(admin('ancrage-coordination'), config)).toMatchObject({ roles: ['coordinator'], superAdmin: false });
    expect(identifyCaller(admin('ancrage-communication', 'ancrage-coordination', 'ancrage-coordination'), config).roles).toEqual(['communication', 'coordinator']);
    // stock and custom roles carry no role key: their admin permissions alone decide
    expect(identifyCaller(admin('strapi-editor', 'strapi-author', 'custom-x'), config).roles).toEqual([]);
  });

  it('maps users-permissions role types', () => {
    expect(identifyCaller(user('coordinator'), config)).toMatchObject({ kind: 'user', id: 3, roles: ['coordinator'], roleType: 'coordinator' });
    expect(identifyCaller(user('ambassador'), config).roles).toEqual(['ambassador']);
    expect(identifyCaller(user('authenticated'), config).roles).toEqual([]);
  });

  it('full-access tokens act as the system; read-only and custom tokens take no role', () => {
    expect(identifyCaller(token('full-access'), config)).toMatchObject({ kind: 'token', roles: ['system'], tokenType: 'full-access' });
    expect(identifyCaller(token('read-only'), config)).toMatchObject({ kind: 'token', roles: [], tokenType: 'read-only' });
    expect(identifyCaller(token('custom'), config).roles).toEqual([]);
  });

  it('without credentials the caller is the public', () => {
    expect(identifyCaller({ state: {} }, config)).toEqual({ kind: 'public', id: null, displayName: 'public', roles: [] });
    expect(identifyCaller(undefined, config).kind).toBe('public');
  });
});
