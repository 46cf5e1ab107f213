import crypto from 'crypto';

/**
 * Personal links of the satisfaction questionnaire: `<payload>.<signature>`, both base64url,
 * the payload `{ c: case documentId, e: expiry (seconds since epoch), n: nonce }` and the
 * signature an HMAC-SHA256 of the payload. Pure functions: no Strapi, no clock of their own.
 * Single use is not the token's business: one response per case (unique key in the database).
 */
export type TokenPayload = { caseDocumentId: string; expiresAt: Date };
export type Verified = { status: 'valid'; payload: TokenPayload } | { status: 'invalid' } | { status: 'expired'; payload: TokenPayload };

const DEFAULT_DAYS = 60;
const b64 = (buf: Buffer) => buf.toString('base64url');
const hmac = (secret: string | Buffer, data: string) => crypto.createHmac('sha256', secret).update(data).digest();

/**
 * The signing key: SATISFACTION_SECRET, or else a key derived from APP_KEYS (HKDF-like HMAC
 * with a purpose label, so that the questionnaire key is never an APP_KEYS value itself).
 */
export const satisfactionSecret = (env: NodeJS.ProcessEnv = process.env): Buffer => {
  const own = env.SATISFACTION_SECRET?.trim();
  if (own) return Buffer.from(own, 'utf8');
  const appKeys = env.APP_KEYS?.trim();
  if (!appKeys) throw new Error('SATISFACTION_SECRET or APP_KEYS must be set to sign questionnaire links');
  return hmac(appKeys, 'ancrage:satisfaction-token:v1');
};

/** Validity of a new link in days (SATISFACTION_TOKEN_DAYS, default 60). */
export const tokenDays = (env: NodeJS.ProcessEnv = process.env): number => {
  const n = Number(env.SATISFACTION_TOKEN_DAYS);
  return Number.isInteger(n) && n > 0 && n <= 3650 ? n : DEFAULT_DAYS;
};

export const signToken = (caseDocumentId: string, secret: string | Buffer, options: { now?: Date; days?: number } = {}): string => {
  const now = options.now ?? new Date();
  const days = options.days ?? DEFAULT_DAYS;
  const payload = { c: caseDocumentId, e: Math.floor(now.getTime() / 1000) + days * 86400, n: b64(crypto.randomBytes(9)) };
  const body = b64(Buffer.from(JSON.stringify(payload), 'utf8'));
  return `${body}.${b64(hmac(secret, body))}`;
};

const TOKEN = /^[A-Za-z0-9_-]{10,400}\.[A-Za-z0-9_-]{43}$/;

export const verifyToken = (token: unknown, secret: string | Buffer, now: Date = new Date()): Verified => {
  if (typeof token !== 'string' || !TOKEN.test(token)) return { status: 'invalid' };
  const [body, signature] = token.split('.');
  const expected = hmac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { status: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { status: 'invalid' };
  }
  const p = parsed as { c?: unknown; e?: unknown };
  if (!p || typeof p.c !== 'string' || !p.c || typeof p.e !== 'number' || !Number.isInteger(p.e)) return { status: 'invalid' };
  const payload = { caseDocumentId: p.c, expiresAt: new Date(p.e * 1000) };
  if (payload.expiresAt.getTime() <= now.getTime()) return { status: 'expired', payload };
  return { status: 'valid', payload };
};
