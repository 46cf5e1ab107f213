// Strapi's error envelope, made uniform: whatever answered a 4xx (a thrown error, a plugin that
// set ctx.body itself, the router's 405, the body parser), clients read the same shape.
// Plain TypeScript: the middleware in src/middlewares/error-envelope.ts is the Strapi-facing shell.
import { STATUS_CODES } from 'http';

export type ErrorEntry = { path: string[]; message: string; [extra: string]: unknown };

export type ErrorEnvelope = {
  data: null;
  error: {
    status: number;
    name: string;
    message: string;
    details: Record<string, unknown> & { errors: ErrorEntry[] };
  };
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `Method Not Allowed` → `MethodNotAllowedError`, as http-errors names its classes. */
export const errorNameFor = (status: number): string => {
  const words = (STATUS_CODES[status] ?? 'Error').replace(/[^A-Za-z0-9 ]/g, '').split(' ').filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return name.endsWith('Error') ? name : `${name}Error`;
};

const asPath = (path: unknown): string[] => {
  if (Array.isArray(path)) return path.map((p) => String(p));
  if (typeof path === 'string' && path !== '') return path.split('.');
  return [];
};

/**
 * `details.errors` as `[{ path: string[], message: string }]`, other keys of `details` kept.
 * Strapi's query validation reports one key as `details: { key, path }` (`path` being the dotted
 * path to the key, the key included): that becomes the entry's path.
 */
export const withErrorEntries = (details: unknown, message: string): Record<string, unknown> & { errors: ErrorEntry[] } => {
  const base = isRecord(details) ? { ...details } : {};
  if (Array.isArray(base.errors)) {
    const errors = base.errors.map((e): ErrorEntry => {
      const entry: Record<string, unknown> = isRecord(e) ? e : { message: e };
      return {
        ...entry,
        path: asPath(entry.path),
        message: typeof entry.message === 'string' && entry.message !== '' ? entry.message : message,
      };
    });
    return { ...base, errors: errors.length > 0 ? errors : [{ path: [], message }] };
  }
  let path: string[] = [];
  if (typeof base.key === 'string') {
    path = asPath(base.path);
    if (path[path.length - 1] !== base.key) path.push(base.key);
  }
  return { ...base, errors: [{ path, message }] };
};

/**
 * The envelope for a 4xx answer whose body may be anything: Strapi's envelope missing
 * `details.errors`, a bare `{ message }`, a string, nothing at all.
 */
export const toErrorEnvelope = (status: number, body: unknown): ErrorEnvelope => {
  const fallback = STATUS_CODES[status] ?? 'Error';
  const source: Record<string, unknown> = isRecord(body) && isRecord(body.error) ? body.error : isRecord(body) ? body : {};
  const text = typeof body === 'string' && body.trim() !== '' ? body : undefined;
  const message = typeof source.message === 'string' && source.message !== '' ? source.message : (text ?? fallback);
  const name = typeof source.name === 'string' && source.name !== '' ? source.name : errorNameFor(status);
  return { data: null, error: { status, name, message, details: withErrorEntries(source.details, message) } };
};

/** Whether `body` is already the complete envelope for `status` (nothing to rewrite). */
export const isErrorEnvelope = (status: number, body: unknown): boolean => {
  if (!isRecord(body) || body.data !== null || !isRecord(body.error)) return false;
  const { error } = body;
  if (error.status !== status || typeof error.name !== 'string' || typeof error.message !== 'string') return false;
  if (!isRecord(error.details) || !Array.isArray(error.details.errors) || error.details.errors.length === 0) return false;
  return error.details.errors.every(
    (e) => isRecord(e) && typeof e.message === 'string' && Array.isArray(e.path) && e.path.every((p) => typeof p === 'string')
  );
};

/** What the body parser (koa-body: co-body, raw-body, inflation, formidable, zlib) threw. */
export type BodyParserFailure = { status: 400 | 413 | 415; message: string };

// raw-body and co-body tag their errors with a `type`
const PARSER_ERROR_TYPES = new Set([
  'entity.parse.failed',
  'entity.verify.failed',
  'entity.too.large',
  'request.aborted',
  'request.size.invalid',
  'encoding.unsupported',
  'charset.unsupported',
  'parameters.too.many',
]);

/**
 * koa-body turns whatever was thrown that is not an `Error` of its own realm (a zlib error seen
 * from a VM context, say) into `new Error(JSON.stringify(thrown))` named `'object'`: the thrown
 * object back, or null.
 */
const unwrapThrowable = (error: unknown): Record<string, unknown> | null => {
  if (!(error instanceof Error) || error.name !== 'object' || !error.message.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(error.message);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
};

/**
 * Recognises an error of the body parser. They come without Strapi's envelope, and some as
 * 500s (a corrupt gzip body, a multipart body without boundary), although the client sent them.
 * The answer: 413 for a body over the limit, 415 for an encoding the server cannot read, 400
 * for anything else. `null` for any other error.
 */
export const bodyParserFailure = (error: unknown): BodyParserFailure | null => {
  if (!isRecord(error) && !(error instanceof Error)) return null;
  const unwrapped = unwrapThrowable(error);
  if (unwrapped) return bodyParserFailure(unwrapped);
  const e = error as Record<string, unknown>;
  const status = typeof e.status === 'number' ? e.status : typeof e.httpCode === 'number' ? e.httpCode : undefined;
  const fromParser =
    (typeof e.type === 'string' && PARSER_ERROR_TYPES.has(e.type)) ||
    // zlib, through raw-body's inflation of a Content-Encoding
    (typeof e.code === 'string' && /^Z_[A-Z_]+$/.test(e.code)) ||
    // formidable (multipart) carries an httpCode
    typeof e.httpCode === 'number' ||
    (error instanceof Error && /Content-Encoding/.test(error.message) && status === 415) ||
    // co-body's JSON parse errors are SyntaxErrors with a 400 status
    (error instanceof SyntaxError && status === 400);
  if (!fromParser) return null;
  if (status === 413) return { status: 413, message: 'The request body is too large' };
  if (status === 415) return { status: 415, message: error instanceof Error ? error.message : 'Unsupported content encoding' };
  const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
  const what = e.type === 'entity.parse.failed' || error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
  return { status: 400, message: `The request body ${what}${reason}` };
};
