import crypto from 'crypto';
import type { TestApp } from './strapi';

const unique = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString('hex')}`;

export type TestUser = { id: number; email: string; jwt: string; ambassadorDocumentId?: string };

/** A users-permissions user of the given role type, logged in over HTTP. */
export const createUser = async (app: TestApp, roleType: string): Promise<TestUser> => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) throw new Error(`no users-permissions role ${roleType}`);
  const username = unique(roleType);
  const email = `${username}@example.test`;
  const password = 'Secret-pass-123';
  const user = await app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({ username, email, password, provider: 'local', confirmed: true, blocked: false, role: role.id });
  const res = await app.http().post('/api/auth/local').send({ identifier: email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: user.id, email, jwt: res.body.jwt };
};

/** An ambassador user with its ambassador record (state `active` unless given). */
export const createAmbassador = async (app: TestApp, state = 'active'): Promise<TestUser> => {
  const user = await createUser(app, 'ambassador');
  const professional = await app.strapi.documents('api::professional.professional').create({
    data: { firstName: 'Amb', lastName: unique('Pro'), profession: 'nurse', isMember: true, lastFeeYear: 2026 } as any,
  });
  // state is owned by the workflow; tests put records where they need them with a raw query.
  const ambassador = await app.strapi.documents('api::ambassador.ambassador').create({
    data: { displayName: `Ambassadeur ${user.id}`, user: user.id, professional: professional.documentId } as any,
  });
  if (state !== 'candidate') {
    await app.strapi.db.query('api::ambassador.ambassador').updateMany({
      where: { documentId: ambassador.documentId },
      data: { state },
    });
  }
  return { ...user, ambassadorDocumentId: ambassador.documentId };
};

/** A full-access (or read-only) API token's access key. */
export const createApiToken = async (app: TestApp, type: 'full-access' | 'read-only' = 'full-access') => {
  const token = await (app.strapi.service('admin::api-token') as any).create({
    name: unique('token'),
    description: 'test',
    type,
    lifespan: null,
  });
  return token.accessKey as string;
};

/** An admin-panel user with the given admin role code, and its admin JWT. */
/** The password of every admin `createAdmin` makes (browser tests log in with it). */
export const ADMIN_PASSWORD = 'Admin-pass-1234';

export const createAdmin = async (app: TestApp, roleCode: string) => {
  const role = await (app.strapi.service('admin::role') as any).findOne({ code: roleCode });
  if (!role) throw new Error(`no admin role ${roleCode}`);
  const email = `${unique('admin')}@example.test`;
  const password = ADMIN_PASSWORD;
  await (app.strapi.service('admin::user') as any).create({
    email,
    firstname: 'Test',
    lastname: roleCode,
    password,
    isActive: true,
    roles: [role.id],
    registrationToken: null,
  });
  const res = await app.http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { email, token: res.body.data.token as string };
};

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The admin actions (permission codes) the admin session behind `headers` holds. */
export const adminActions = async (app: TestApp, headers: Record<string, string>): Promise<string[]> =>
  ((await app.http().get('/admin/users/me/permissions').set(headers)).body.data as Array<{ action: string }>).map((p) => p.action);
