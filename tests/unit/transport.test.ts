/**
 * The origins allowed to call the API cross-origin (PUBLIC_URL and CORS_ORIGINS), and the boot
 * warning when production logins cannot set their Secure cookie.
 */
import { allowedOrigins, transportWarning } from '../../src/utils/transport';

describe('allowedOrigins', () => {
  it("takes PUBLIC_URL's origin and each origin of CORS_ORIGINS, once", () => {
    expect(allowedOrigins('https://ancrage.example.org/admin', ' https://espace.example.org , https://ANCRAGE.example.org/,,')).toEqual([
      'https://ancrage.example.org',
      'https://espace.example.org',
    ]);
    expect(allowedOrigins('http://localhost:1337', 'http://localhost:5173')).toEqual(['http://localhost:1337', 'http://localhost:5173']);
  });

  it('allows nothing cross-origin without PUBLIC_URL nor CORS_ORIGINS', () => {
    expect(allowedOrigins('', '')).toEqual([]);
  });

  it.each([
    ['*', /CORS_ORIGINS: "\*" is not allowed/],
    ['null', /CORS_ORIGINS: "null" is not allowed/],
    ['espace.example.org', /CORS_ORIGINS: "espace.example.org" is not a URL/],
    ['ftp://espace.example.org', /CORS_ORIGINS: .* is not an http\(s\) origin/],
    ['https://espace.example.org/app', /CORS_ORIGINS: .* is not an origin/],
  ])('stops the boot on CORS_ORIGINS=%s, naming the variable', (value, message) => {
    expect(() => allowedOrigins('https://ancrage.example.org', value)).toThrow(message);
  });

  it('names PUBLIC_URL when it is no URL', () => {
    expect(() => allowedOrigins('ancrage.example.org', '')).toThrow(/PUBLIC_URL: "ancrage.example.org" is not a URL/);
  });
});

describe('transportWarning', () => {
  it('says nothing outside production, or over HTTPS behind the proxy', () => {
    expect(transportWarning({ production: false, publicUrl: 'http://localhost:1337', proxy: false })).toBeNull();
    expect(transportWarning({ production: true, publicUrl: 'https://ancrage.example.org', proxy: true })).toBeNull();
  });

  it('names PUBLIC_URL when it is plain HTTP, with the consequence', () => {
    const w = transportWarning({ production: true, publicUrl: 'http://ancrage.example.org', proxy: true });
    expect(w).toMatch(/PUBLIC_URL is http:\/\/ancrage\.example\.org \(plain HTTP\): logins over it are refused with 403/);
    expect(w).not.toMatch(/SERVER_PROXY is false/);
  });

  it('names SERVER_PROXY when it is off, with the consequence; both causes in one line', () => {
    expect(transportWarning({ production: true, publicUrl: 'https://ancrage.example.org', proxy: false })).toMatch(
      /SERVER_PROXY is false: .* every login is refused with 403/
    );
    const both = transportWarning({ production: true, publicUrl: 'http://x.example', proxy: false })!;
    expect(both.split('\n')).toHaveLength(1);
    expect(both).toMatch(/PUBLIC_URL is .*; SERVER_PROXY is false/);
  });
});
