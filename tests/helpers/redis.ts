import crypto from 'crypto';
import IORedis from 'ioredis';

/**
 * A Redis connection for one test file with a prefix of its own; cleanup() deletes every key
 * under that prefix, so parallel files and a developer's running app never see each other.
 */
export const testRedis = () => {
  const prefix = `ancrage-test:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const client = new IORedis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  return {
    prefix,
    client,
    keys: () => client.keys(`${prefix}*`),
    cleanup: async () => {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await client.del(...keys);
      } while (cursor !== '0');
      await client.quit();
    },
  };
};
