import { isPersonalPermission, refusedPermissions } from '../../src/utils/personal-data';

const CM = 'plugin::content-manager.explorer';
const p = (action: string, subject: string | null = null) => ({ action, subject });

describe('which admin roles may hold which permissions', () => {
  const personal = [
    p(`${CM}.read`, 'api::case.case'),
    p(`${CM}.delete`, 'api::ambassador.ambassador'),
    p(`${CM}.update`, 'api::time-declaration.time-declaration'),
    p(`${CM}.read`, 'api::satisfaction-response.satisfaction-response'),
    p(`${CM}.read`, 'api::cpts-setting.cpts-setting'),
    p(`${CM}.create`, 'plugin::users-permissions.user'),
    p(`${CM}.read`, 'plugin::reminders.reminder'),
    p(`${CM}.read`, 'plugin::workflow.transition'),
    p('plugin::reminders.read'),
  ];
  const other = [p(`${CM}.read`, 'api::guide.guide'), p(`${CM}.update`, 'api::structure.structure'), p('plugin::indicators.read'), p('plugin::upload.read')];

  it('tells personal-data permissions apart', () => {
    expect(personal.filter(isPersonalPermission)).toEqual(personal);
    expect(other.filter(isPersonalPermission)).toEqual([]);
  });

  it.each(['strapi-editor', 'strapi-author', 'ancrage-communication', 'custom-role-123', null])('refuses personal data to %p', (code) => {
    expect(refusedPermissions(code, [...other, ...personal])).toEqual(personal);
  });

  it.each(['strapi-super-admin', 'ancrage-coordination'])('lets %s hold personal data, except writing satisfaction responses', (code) => {
    const writes = ['create', 'update', 'delete', 'publish'].map((a) => p(`${CM}.${a}`, 'api::satisfaction-response.satisfaction-response'));
    expect(refusedPermissions(code, [...other, ...personal, ...writes])).toEqual(writes);
  });
});
