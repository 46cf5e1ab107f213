import { bootStrapi, type TestApp } from '../helpers/strapi';

describe('GET /api/health with Redis up', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootStrapi();
  });
  afterAll(async () => {
    await app.destroy();
  });

  it('answers 200 with the database and Redis up', async () => {
    // The shared Redis client connects asynchronously after boot.
    let res = await app.http().get('/api/health');
    for (let i = 0; i < 40 && res.body.redis !== 'up'; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      res = await app.http().get('/api/health');
    }
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ database: 'up', redis: 'up' });
  });
});
