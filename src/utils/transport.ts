/**
 * How browsers and proxies reach the app: the origins allowed to call it cross-origin, and
 * whether logins can set their Secure cookie. Pure: the config files and the boot call these.
 */

const ORIGIN_EXAMPLE = 'scheme://host[:port], e.g. https://espace.example.org';

const originOf = (variable: string, value: string, pathAllowed: boolean): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable}: "${value}" is not a URL (expected ${ORIGIN_EXAMPLE})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${variable}: "${value}" is not an http(s) origin (expected ${ORIGIN_EXAMPLE})`);
  }
  const extra = url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '';
  if (extra && !pathAllowed) throw new Error(`${variable}: "${value}" is not an origin (expected ${ORIGIN_EXAMPLE}, no path)`);
  return url.origin;
};

/**
 * The origins a browser may call the API from with credentials: PUBLIC_URL's (the admin panel
 * and the web space are served from it) and those of CORS_ORIGINS (comma-separated). A wildcard
 * or a malformed entry stops the boot, naming the variable: with credentials, `*` would let any
 * site act with a visitor's session.
 */
export const allowedOrigins = (publicUrl: string, corsOrigins: string): string[] => {
  const origins = new Set<string>();
  if (publicUrl.trim()) origins.add(originOf('PUBLIC_URL', publicUrl.trim(), true));
  for (const entry of corsOrigins.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (entry === '*' || entry === 'null') throw new Error(`CORS_ORIGINS: "${entry}" is not allowed; list the origins one by one (${ORIGIN_EXAMPLE})`);
    origins.add(originOf('CORS_ORIGINS', entry, false));
  }
  return [...origins];
};

/**
 * One boot warning when logins cannot work in production: users-permissions sets its refresh
 * cookie Secure there, which only a request seen as HTTPS may carry. Null when all is well.
 */
export const transportWarning = ({ production, publicUrl, proxy }: { production: boolean; publicUrl: string; proxy: boolean }): string | null => {
  if (!production) return null;
  const causes: string[] = [];
  if (/^http:\/\//i.test(publicUrl.trim())) {
    causes.push(`PUBLIC_URL is ${publicUrl.trim()} (plain HTTP): logins over it are refused with 403 and e-mailed links travel unencrypted`);
  }
  if (!proxy) {
    causes.push('SERVER_PROXY is false: X-Forwarded-Proto is not trusted, so no request counts as HTTPS and every login is refused with 403');
  }
  if (causes.length === 0) return null;
  return (
    `[security] In production the login sets a Secure cookie, which needs HTTPS. ${causes.join('; ')}. ` +
    'Serve the app behind a TLS reverse proxy that sends X-Forwarded-Proto: https, with PUBLIC_URL=https://... and SERVER_PROXY=true.'
  );
};
