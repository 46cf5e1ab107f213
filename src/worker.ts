/**
 * `npm run worker`: a headless Strapi that only runs the reminder workers (no HTTP server).
 * Production runs N app instances with REMINDERS_WORKER=off and M of these on one Redis and one
 * PostgreSQL. SIGTERM stops taking jobs, lets the active ones finish and closes Redis.
 */
import path from 'path';
import { createStrapi } from '@strapi/strapi';

const main = async () => {
  process.env.REMINDERS_WORKER = 'on';
  const app = await createStrapi({
    appDir: path.join(__dirname, '..', '..'),
    distDir: path.join(__dirname, '..'),
    serveAdminPanel: false,
    autoReload: false,
  } as any).load();
  app.log.info('[reminders] worker running; SIGTERM or SIGINT stops it gracefully');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`[reminders] ${signal}: finishing active jobs`);
    await app.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
