/**
 * Secrets every instance needs. `npm run setup` (and the dev/run scripts) generate them into
 * `.env` on a developer machine; in production they must come from the environment.
 */
export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

const PLACEHOLDER = /^(tobemodified|changeme)/i;

/**
 * Fails loudly in production when a secret is missing or still the template placeholder:
 * Strapi would otherwise boot with weak or undefined keys and only fail on the first login.
 */
export const assertSecrets = (env: NodeJS.ProcessEnv = process.env): void => {
  if (env.NODE_ENV !== 'production') return;
  const missing = REQUIRED_SECRETS.filter((name) => {
    const value = env[name];
    return !value || value.split(',').some((part) => !part.trim() || PLACEHOLDER.test(part.trim()));
  });
  if (missing.length > 0) {
    throw new Error(
      `Ancrage cannot start in production: missing or placeholder secret(s) ${missing.join(', ')}. ` +
        'Set them in the environment (see .env.example; generate values with `openssl rand -base64 32`).'
    );
  }
};
