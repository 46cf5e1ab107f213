/**
 * Roles and permissions are created at bootstrap and re-running it changes nothing.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { createTestDatabase, startStrapi } from '../helpers/strapi';
import { CONTENT_API_PERMISSIONS, ADMIN_ROLES } from '../../src/bootstrap/permissions';

/** Every role with its sorted permissions, users-permissions and admin alike. */
const snapshot = async (strapi: Core.Strapi) => {
  const upRoles = await strapi.db
    .query('plugin::users-permissions.role')
    .findMany({ populate: ['permissions'], orderBy: { type: 'asc' } });
  const adminRoles = await strapi.db.query('admin::role').findMany({ populate: ['permissions'], orderBy: { code: 'asc' } });
  const settings = await strapi.db.query('api::cpts-setting.cpts-setting').findMany({});
  const advanced = await strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' });
  return {
    usersPermissions: upRoles.map((r: any) => ({
      id: r.id,
      type: r.type,
      actions: r.permissions.map((p: any) => `${p.id}|${p.action}`).sort(),
    })),
    admin: adminRoles.map((r: any) => ({
      id: r.id,
      code: r.code,
      permissions: r.permissions
        .map((p: any) => `${p.id}|${p.action}|${p.subject}|${JSON.stringify(p.properties)}`)
        .sort(),
    })),
    settings: settings.map((s: any) => s.documentId),
    allowRegister: (advanced as any).allow_register,
  };
};

describe('bootstrap', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let first: Awaited<ReturnType<typeof snapshot>>;
  let second: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    database = await createTestDatabase(`boot_${crypto.randomBytes(3).toString('hex')}`);
    Object.assign(process.env, database.env);
    let strapi = await startStrapi();
    first = await snapshot(strapi);
    await strapi.destroy();
    strapi = await startStrapi();
    second = await snapshot(strapi);
    await strapi.destroy();
  });

  afterAll(async () => {
    await database.drop();
  });

  it('creates the users-permissions roles with exactly the declared content-API permissions', () => {
    for (const [type, actions] of Object.entries(CONTENT_API_PERMISSIONS)) {
      const role = first.usersPermissions.find((r) => r.type === type);
      expect(role).toBeDefined();
      const granted = role!.actions.map((a) => a.split('|')[1]);
      expect(granted.filter((a) => a.startsWith('api::')).sort()).toEqual(actions.filter((a) => a.startsWith('api::')).sort());
      for (const action of actions) expect(granted).toContain(action);
      expect(granted).not.toContain('plugin::users-permissions.auth.register');
    }
  });

  it('creates the Coordination and Communication admin roles', () => {
    const codes = first.admin.map((r) => r.code);
    for (const spec of ADMIN_ROLES) expect(codes).toContain(spec.code);
    const communication = first.admin.find((r) => r.code === 'ancrage-communication')!;
    const subjects = communication.permissions.map((p) => p.split('|')[2]);
    expect(subjects.some((s) => s.startsWith('api::guide.guide'))).toBe(true);
    for (const hidden of ['api::case.case', 'api::ambassador.ambassador', 'api::time-declaration.time-declaration']) {
      expect(subjects.some((s) => s.startsWith(hidden))).toBe(false);
    }
  });

  it('turns self-registration off', () => {
    expect(first.allowRegister).toBe(false);
  });

  it('changes nothing when it runs again (same rows, same ids)', () => {
    expect(second).toEqual(first);
    expect(first.settings).toHaveLength(1);
  });
});
