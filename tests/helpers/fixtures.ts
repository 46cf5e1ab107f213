import type { TestApp } from './strapi';
import { createAmbassador, type TestUser } from './actors';

let counter = 0;
const n = () => (counter += 1);

/** Documents created through the Document Service (no HTTP), for tests to act on. */
export const make = (app: TestApp) => {
  const docs = (uid: string) => app.strapi.documents(uid as any);
  return {
    structure: (data: Record<string, unknown> = {}) =>
      docs('api::structure.structure').create({ data: { name: `Structure ${n()}`, kind: 'msp', ...data } as any }),
    professional: (data: Record<string, unknown> = {}) =>
      docs('api::professional.professional').create({
        data: { firstName: 'Prénom', lastName: `Nom${n()}`, profession: 'nurse', ...data } as any,
      }),
    case: (ambassador: TestUser | null, data: Record<string, unknown> = {}) =>
      docs('api::case.case').create({
        data: {
          newcomerFirstName: 'Nouvel',
          newcomerLastName: `Installé${n()}`,
          newcomerEmail: `newcomer${n()}@example.org`,
          newcomerPhone: '0692000000',
          profession: 'general_practitioner',
          needs: { housing: true, schooling: true, notes: 'conjoint cherche un emploi' },
          ambassador: ambassador?.ambassadorDocumentId ?? null,
          ...data,
        } as any,
      }),
    timeDeclaration: (ambassador: TestUser, data: Record<string, unknown> = {}) =>
      docs('api::time-declaration.time-declaration').create({
        data: { ambassador: ambassador.ambassadorDocumentId, month: '2026-10-01', hours: 2, activity: 'meeting', ...data } as any,
      }),
    guide: (status: 'published' | 'draft', data: Record<string, unknown> = {}) =>
      docs('api::guide.guide').create({ data: { title: `Guide ${n()}`, edition: '2026', ...data } as any, status } as any),
    toolkitItem: (status: 'published' | 'draft', audience: 'public' | 'ambassador') =>
      docs('api::toolkit-item.toolkit-item').create({
        data: { title: `Outil ${n()}`, category: 'welcome_kit', audience } as any,
        status,
      } as any),
    satisfactionResponse: (caseDocumentId: string) =>
      docs('api::satisfaction-response.satisfaction-response').create({
        data: { case: caseDocumentId, score: 5, submittedAt: new Date().toISOString(), answers: {} } as any,
      }),
    ambassador: (state = 'active') => createAmbassador(app, state),
    /** Sets a workflow-owned state directly, as tests need documents in given states. */
    setState: (uid: string, documentId: string, state: string) =>
      app.strapi.db.query(uid as any).updateMany({ where: { documentId }, data: { state } }),
  };
};

/** The `{ data: null, error: {...} }` envelope Strapi answers with. */
export const expectError = (body: any, status: number, name: string) => {
  expect(body.data).toBeNull();
  expect(body.error).toEqual(expect.objectContaining({ status, name, message: expect.any(String) }));
};

/** A supertest request whose body is kept as raw bytes (a CSV's byte-order mark, say). */
export const asBytes = <T extends { buffer(v: boolean): T; parse(fn: (res: any, cb: (err: Error | null, body: Buffer) => void) => void): T }>(req: T) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
