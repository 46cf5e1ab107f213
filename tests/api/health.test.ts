import { bootStrapi, type TestApp } from '../helpers/strapi';
import { freePort, redisServerOn } from '../helpers/redis-server';

const waitFor = async (app: TestApp, redis: 'up' | 'down') => {
  let res = await app.http().get('/api/health');
  for (let i = 0; i < 100 && res.body.redis !== redis; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    res = await app.http().get('/api/health');
  }
  return res;
};

describe('GET /api/health with Redis up', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootStrapi();
  });
  afterAll(async () => {
    await app.destroy();
  });

  it('answers 200 with the database and Redis up', async () => {
    const res = await waitFor(app, 'up');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ database: 'up', redis: 'up' });
  });
});

describe('Redis unreachable, then back', () => {
  let app: TestApp;
  let redis: ReturnType<typeof redisServerOn>;
  const warnings: string[] = [];
  const infos: string[] = [];

  beforeAll(async () => {
    // Nothing listens on this port yet: the app must boot anyway.
    redis = redisServerOn(await freePort());
    app = await bootStrapi({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await app.destroy();
    await redis.stop();
  });

  it('boots, serves the CMS, and reports redis down', async () => {
    const log = app.strapi.log as any;
    const warn = log.warn.bind(log);
    const info = log.info.bind(log);
    log.warn = (m: string) => (warnings.push(String(m)), warn(m));
    log.info = (m: string) => (infos.push(String(m)), info(m));

    const res = await app.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ database: 'up', redis: 'down' });
    expect((await app.http().get('/api/structures')).status).toBe(200);
  });

  it('reconnects by itself when Redis comes up', async () => {
    await redis.start();
    const res = await waitFor(app, 'up');
    expect(res.body).toEqual({ database: 'up', redis: 'up' });
    expect(infos.some((m) => /Redis is reachable again/.test(m))).toBe(true);
  });

  it('goes down and up again with one warning per outage, not one per retry', async () => {
    warnings.length = 0;
    await redis.stop();
    expect((await waitFor(app, 'down')).body.redis).toBe('down');
    await new Promise((r) => setTimeout(r, 1500)); // several reconnection attempts
    expect(warnings.filter((m) => /Redis unreachable/.test(m))).toHaveLength(1);
    await redis.start();
    expect((await waitFor(app, 'up')).body.redis).toBe('up');
  });
});
