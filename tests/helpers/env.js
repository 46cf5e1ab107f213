// Environment of every API test process. Set before Strapi loads: its dotenv never overrides
// variables that are already set, so a developer's .env cannot leak into the tests.
const crypto = require('crypto');

const secret = () => crypto.randomBytes(24).toString('base64');
Object.assign(process.env, {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_STARTUP_BANNER: 'false',
  AUTH_RATELIMIT: 'false',
  LOG_LEVEL: process.env.LOG_LEVEL || 'error',
  PUBLIC_URL: 'http://localhost:1337',
});
