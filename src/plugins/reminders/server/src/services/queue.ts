import { Queue, Worker, type Job, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Core } from '@strapi/strapi';
import { createRedisConnection, redisPrefix } from '../../../../../utils/redis';
import { JOBS, QUEUE_NAME, SCHEDULERS, jobIdOf } from '../constants';
import { getConfig } from '../utils';

/**
 * The BullMQ queue of reminders and, in processes that run them, its worker. Jobs carry ids
 * only; rows in the database are the truth, so a job lost with Redis is re-created by the
 * reconcile job.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let queue: Queue | null = null;
  let queueConnection: Redis | null = null;
  let worker: Worker | null = null;
  let workerConnection: Redis | null = null;
  let warned = false;

  const warnOnce = (what: string, error: unknown) => {
    if (warned) return;
    warned = true;
    strapi.log.warn(`[reminders] ${what} failed (${(error as Error).message}); the reconcile job re-creates it when Redis is back.`);
  };

  /**
   * BullMQ waits for Redis before running a command: with Redis down, a transition would wait
   * with it. Rows are the truth, so while Redis is not ready we skip it and let the reconcile
   * create the jobs later.
   */
  const waitReady = async (ms: number) => {
    const end = Date.now() + ms;
    while (queueConnection?.status !== 'ready' && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    return queueConnection?.status === 'ready';
  };
  /** Ready, or still making its first connection (then wait a little); not once it has failed. */
  const ready = async () => {
    if (queueConnection?.status === 'ready') return true;
    if (queueConnection && !everReady && ['wait', 'connecting', 'connect'].includes(queueConnection.status) && (await waitReady(3000))) {
      return true;
    }
    if (queueConnection) warnOnce('Redis', new Error(`connection ${queueConnection.status}`));
    return false;
  };
  let everReady = false;

  return {
    queue(): Queue {
      if (!queue) {
        const c = getConfig(strapi);
        queueConnection = createRedisConnection({ name: 'ancrage-reminders-queue' });
        queueConnection.on('error', () => undefined); // reported once through warnOnce
        queueConnection.on('ready', () => {
          everReady = true;
        });
        queue = new Queue(QUEUE_NAME, {
          connection: queueConnection,
          prefix: redisPrefix(),
          defaultJobOptions: {
            attempts: c.attempts,
            backoff: { type: 'exponential', delay: c.backoffMs },
            removeOnComplete: { age: 24 * 3600, count: 20000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        });
        queue.on('error', (e) => warnOnce('Redis', e));
      }
      return queue;
    },

    /** Queues the send job of a row; false (and a warning) when Redis is unreachable. */
    async enqueue(row: { id: number; dueAt: string | Date }): Promise<boolean> {
      this.queue();
      if (!(await ready())) return false;
      try {
        const delay = Math.max(0, new Date(row.dueAt).getTime() - Date.now());
        await this.queue().add(JOBS.send, { reminderId: row.id }, { jobId: jobIdOf(row.id), delay });
        warned = false;
        return true;
      } catch (error) {
        warnOnce('queueing a reminder', error);
        return false;
      }
    },

    /** Queues many rows in one round trip per 1,000 (reconcile, recurring reminders, imports). */
    async enqueueMany(rows: Array<{ id: number; dueAt: string | Date }>): Promise<number> {
      this.queue();
      if (!(await ready())) return 0;
      let queued = 0;
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        try {
          await this.queue().addBulk(
            chunk.map((row) => ({
              name: JOBS.send,
              data: { reminderId: row.id },
              opts: { jobId: jobIdOf(row.id), delay: Math.max(0, new Date(row.dueAt).getTime() - Date.now()) },
            }))
          );
          queued += chunk.length;
        } catch (error) {
          warnOnce('queueing reminders', error);
          return queued;
        }
      }
      warned = false;
      return queued;
    },

    async remove(rowId: number): Promise<void> {
      this.queue();
      if (!(await ready())) return; // the worker re-reads the row and drops a cancelled one
      try {
        const job = await this.queue().getJob(jobIdOf(rowId));
        if (job) await job.remove();
      } catch {
        // active (the worker re-reads the row and skips it) or Redis down (nothing to remove)
      }
    },

    /**
     * true when a live job (waiting, delayed, active) exists for the row. A finished job left
     * behind for the row is removed, since BullMQ would ignore a new job with the same id.
     */
    async hasJob(rowId: number): Promise<boolean> {
      this.queue();
      if (!(await ready())) throw new Error('Redis is not reachable');
      const job = await this.queue().getJob(jobIdOf(rowId));
      if (!job) return false;
      const state = await job.getState();
      if (state === 'completed' || state === 'failed' || state === 'unknown') {
        await job.remove().catch(() => undefined);
        return false;
      }
      return true;
    },

    /** Recurring work, safe on every boot and every instance (upsert by scheduler id). */
    async upsertSchedulers(timezone: string) {
      const c = getConfig(strapi);
      const q = this.queue();
      if (!(await waitReady(5000))) throw new Error('Redis is not reachable');
      await q.upsertJobScheduler(SCHEDULERS.reconcile, { pattern: c.reconcileEvery, tz: timezone }, { name: JOBS.reconcile, data: {} });
      await q.upsertJobScheduler(SCHEDULERS.monthlyTime, { pattern: c.monthlyTimeCron, tz: timezone }, { name: JOBS.monthlyTime, data: {} });
      await q.upsertJobScheduler(SCHEDULERS.weeklyDigest, { pattern: c.weeklyDigestCron, tz: timezone }, { name: JOBS.weeklyDigest, data: {} });
    },

    startWorker(processor: Processor) {
      if (worker) return worker;
      const c = getConfig(strapi);
      workerConnection = createRedisConnection({ worker: true, name: 'ancrage-reminders-worker' });
      workerConnection.on('error', () => undefined);
      worker = new Worker(QUEUE_NAME, processor, {
        connection: workerConnection,
        prefix: redisPrefix(),
        concurrency: c.concurrency,
        lockDuration: c.lockMs,
        stalledInterval: c.lockMs,
        autorun: true,
      });
      worker.on('error', (e) => warnOnce('the worker', e));
      return worker;
    },

    isWorking: () => worker !== null,

    /** Waits (up to `ms`) for the queue's Redis connection; true when ready. */
    async waitReady(ms = 5000) {
      this.queue();
      return waitReady(ms);
    },

    /** Stops taking jobs, lets the active ones finish, then closes Redis (graceful shutdown). */
    async close() {
      if (worker) await worker.close();
      if (queue) await queue.close();
      for (const c of [workerConnection, queueConnection]) {
        if (!c) continue;
        if (c.status === 'ready') await c.quit().catch(() => c.disconnect());
        else c.disconnect();
      }
      worker = null;
      queue = null;
      workerConnection = null;
      queueConnection = null;
    },
  };
};

export type SendJob = Job<{ reminderId: number }>;
