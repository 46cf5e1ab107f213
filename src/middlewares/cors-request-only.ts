/**
 * CORS headers answer CORS requests only. Strapi's cors middleware treats a request without an
 * Origin header as allowed and sends an empty Access-Control-Allow-Origin with
 * Access-Control-Allow-Credentials: true; a request without Origin is not cross-origin, so it
 * gets neither.
 */
const CORS_HEADERS = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Expose-Headers'];

export default () => async (ctx: any, next: () => Promise<void>) => {
  if (ctx.get('Origin')) return next();
  try {
    await next();
  } finally {
    // on an error too: the errors middleware, outside this one, keeps the headers already set
    for (const header of CORS_HEADERS) ctx.remove(header);
  }
};
