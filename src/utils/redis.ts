import IORedis, { type Redis, type RedisOptions } from 'ioredis';

type Logger = { warn: (msg: string) => void; info: (msg: string) => void };

export const redisUrl = (): string => process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * Prefix of every Redis key Ancrage writes (BullMQ's `prefix` option). ioredis' own
 * `keyPrefix` is not used: BullMQ refuses it.
 */
export const redisPrefix = (): string => process.env.REDIS_PREFIX || 'ancrage';

/** Never gives up: Redis may come back at any time, and the app must follow it. */
const retryStrategy = (times: number) => Math.min(200 * 2 ** Math.min(times, 5), 5000);

/**
 * The one way to open a Redis connection. `worker: true` gives the settings BullMQ workers need
 * (blocking commands, unlimited retries per request); the default is for short commands that
 * must fail fast when Redis is down instead of queueing forever.
 */
export const createRedisConnection = (
  { worker = false, name = 'ancrage', logger, lazy = false }: { worker?: boolean; name?: string; logger?: Logger; lazy?: boolean } = {}
): Redis => {
  const options: RedisOptions = {
    connectionName: name,
    // BullMQ connects a lazy client with a promise nobody awaits when Redis is down ("Connection
    // is closed" unhandled): its connections connect eagerly and report through 'error' events.
    lazyConnect: lazy,
    retryStrategy,
    maxRetriesPerRequest: worker ? null : 1,
    enableOfflineQueue: worker,
    connectTimeout: 2000,
  };
  const client = new IORedis(redisUrl(), options);
  if (logger) watchAvailability(client, logger);
  return client;
};

/**
 * One warning when Redis becomes unreachable and one line when it is back, rather than a
 * stack trace on every reconnection attempt.
 */
const watchAvailability = (client: Redis, logger: Logger) => {
  let down = false;
  client.on('error', (err: Error & { code?: string }) => {
    // A connection closed on purpose (shutdown) is not an outage.
    if (down || client.status === 'end' || client.status === 'close') return;
    down = true;
    logger.warn(
      `Redis unreachable at ${redisUrl().replace(/\/\/[^@]*@/, '//***@')} (${err.code ?? err.message}): ` +
        'the CMS keeps working, reminders are queued again when Redis is back.'
    );
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('Redis is reachable again.');
  });
};

let shared: Redis | null = null;

/** The app-wide client for health checks and short commands; created at bootstrap. */
export const initSharedRedis = (logger: Logger): Redis => {
  if (!shared) {
    shared = createRedisConnection({ name: 'ancrage-app', logger, lazy: true });
    shared.connect().catch(() => {
      /* reported once by watchAvailability; ioredis keeps retrying */
    });
  }
  return shared;
};

export const getSharedRedis = (): Redis | null => shared;

export const closeSharedRedis = async (): Promise<void> => {
  const client = shared;
  shared = null;
  if (!client) return;
  client.removeAllListeners('error');
  client.on('error', () => {});
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
  else client.disconnect();
};

/** true when Redis answers PING within `timeoutMs`. */
export const pingRedis = async (timeoutMs = 500): Promise<boolean> => {
  const client = shared;
  if (!client || client.status !== 'ready') return false;
  try {
    const pong = await Promise.race([
      client.ping(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
    ]);
    return pong === 'PONG';
  } catch {
    return false;
  }
};
