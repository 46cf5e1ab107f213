import crypto from 'crypto';
import { satisfactionSecret, signToken, tokenDays, verifyToken } from '../../src/api/satisfaction/services/token';

const secret = 'test-secret-of-the-questionnaire';
const now = new Date('2026-11-23T08:00:00Z');

describe('satisfaction token', () => {
  it('signs and verifies a link carrying the case and its expiry (60 days by default)', () => {
    const token = signToken('case-doc-1', secret, { now });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const v = verifyToken(token, secret, now);
    expect(v).toEqual({ status: 'valid', payload: { caseDocumentId: 'case-doc-1', expiresAt: new Date('2027-01-22T08:00:00Z') } });
  });

  it('two links of one case differ (nonce)', () => {
    expect(signToken('c', secret, { now })).not.toBe(signToken('c', secret, { now }));
  });

  it('a tampered payload or signature, or another secret, is invalid', () => {
    const token = signToken('case-doc-1', secret, { now });
    const [body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ c: 'case-doc-2', e: 9999999999, n: 'x' })).toString('base64url');
    expect(verifyToken(`${forged}.${sig}`, secret, now)).toEqual({ status: 'invalid' });
    const flipped = sig.slice(0, -2) + (sig.slice(-2) === 'AA' ? 'AB' : 'AA');
    expect(verifyToken(`${body}.${flipped}`, secret, now)).toEqual({ status: 'invalid' });
    expect(verifyToken(token, 'another-secret', now)).toEqual({ status: 'invalid' });
  });

  it('malformed input is invalid, never a throw', () => {
    for (const t of ['', 'abc', 'a.b', '....', `${'x'.repeat(20)}.${'y'.repeat(10)}`, null, undefined, 42, { c: 1 }, `${'%'.repeat(20)}.${'A'.repeat(43)}`]) {
      expect(verifyToken(t as any, secret, now)).toEqual({ status: 'invalid' });
    }
    // well signed but not our payload
    const body = Buffer.from('not json').toString('base64url') + 'xxxxxx';
    const sig = crypto.createHmac('sha256', secret).update(body).digest('base64url');
    expect(verifyToken(`${body}.${sig}`, secret, now)).toEqual({ status: 'invalid' });
    const body2 = Buffer.from(JSON.stringify({ c: 12, e: 'soon' })).toString('base64url');
    expect(verifyToken(`${body2}.${crypto.createHmac('sha256', secret).update(body2).digest('base64url')}`, secret, now)).toEqual({ status: 'invalid' });
  });

  it('is expired after its validity', () => {
    const token = signToken('case-doc-1', secret, { now, days: 2 });
    expect(verifyToken(token, secret, new Date(now.getTime() + 2 * 86400000 - 1000)).status).toBe('valid');
    const v = verifyToken(token, secret, new Date(now.getTime() + 2 * 86400000));
    expect(v.status).toBe('expired');
  });

  it('takes SATISFACTION_SECRET, else a key derived from APP_KEYS (not an APP_KEYS value)', () => {
    expect(satisfactionSecret({ SATISFACTION_SECRET: 's3cret', APP_KEYS: 'a,b' }).toString()).toBe('s3cret');
    const derived = satisfactionSecret({ APP_KEYS: 'a,b' });
    expect(derived).toHaveLength(32);
    expect(derived.equals(satisfactionSecret({ APP_KEYS: 'a,b' }))).toBe(true);
    expect(derived.equals(satisfactionSecret({ APP_KEYS: 'a,c' }))).toBe(false);
    expect(() => satisfactionSecret({})).toThrow(/SATISFACTION_SECRET/);
    expect(tokenDays({})).toBe(60);
    expect(tokenDays({ SATISFACTION_TOKEN_DAYS: '30' })).toBe(30);
    expect(tokenDays({ SATISFACTION_TOKEN_DAYS: 'abc' })).toBe(60);
  });
});
