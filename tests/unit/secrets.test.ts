import { assertSecrets, REQUIRED_SECRETS } from '../../src/utils/secrets';

const complete = Object.fromEntries(REQUIRED_SECRETS.map((n) => [n, n === 'APP_KEYS' ? 'a1b2c3,d4e5f6' : `value-of-${n}`]));

describe('production secrets', () => {
  it('accepts a production environment with every secret', () => {
    expect(() => assertSecrets({ NODE_ENV: 'production', ...complete })).not.toThrow();
  });

  it.each(REQUIRED_SECRETS)('stops the boot when %s is missing, naming it', (name) => {
    const env = { NODE_ENV: 'production', ...complete, [name]: undefined };
    expect(() => assertSecrets(env)).toThrow(new RegExp(`missing or placeholder secret\\(s\\) ${name}\\b`));
  });

  it('refuses the template placeholders, including one of several APP_KEYS', () => {
    expect(() => assertSecrets({ NODE_ENV: 'production', ...complete, JWT_SECRET: 'tobemodified' })).toThrow(/JWT_SECRET/);
    expect(() => assertSecrets({ NODE_ENV: 'production', ...complete, APP_KEYS: 'good,toBeModified2' })).toThrow(/APP_KEYS/);
  });

  it('lists every missing secret at once', () => {
    expect(() => assertSecrets({ NODE_ENV: 'production' })).toThrow(REQUIRED_SECRETS.join(', '));
  });

  it('lets development and tests run without them', () => {
    expect(() => assertSecrets({ NODE_ENV: 'development' })).not.toThrow();
    expect(() => assertSecrets({})).not.toThrow();
  });
});
