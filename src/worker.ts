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
  // Strapi's own SIGTERM/SIGINT handler calls destroy(), in which the reminders plugin stops
  // taking jobs, waits for the active ones and closes Redis, then exits 0.
  app.log.info('[reminders] worker running; SIGTERM or SIGINT stops it gracefully');
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
