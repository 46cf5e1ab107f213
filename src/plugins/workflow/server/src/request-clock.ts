/**
 * When each HTTP request began, and the history rows it wrote. A transition acts on the document
 * as it was when its request began: a history row written since then by another request means a
 * concurrent transition won. The start is taken by the first Koa middleware, before
 * authentication and before any query waits for a database connection, so that requests sent
 * together count as concurrent whatever order their queries then run in.
 */
const started = new WeakMap<object, number>();
const written = new WeakMap<object, Set<string>>();

/** Koa middleware, mounted before every other one (see register.ts). */
export const requestClock = (ctx: object, next: () => Promise<unknown>) => {
  started.set(ctx, Date.now());
  return next();
};

/** When the request began (ms since the epoch), or undefined outside a request. */
export const requestStartedAt = (ctx: object | undefined): number | undefined => (ctx ? started.get(ctx) : undefined);

/** Records a history row written by the request (a request may take several transitions). */
export const rememberWrite = (ctx: object | undefined, rowId: string | number) => {
  if (!ctx) return;
  const rows = written.get(ctx) ?? new Set<string>();
  rows.add(String(rowId));
  written.set(ctx, rows);
};

export const wroteRow = (ctx: object | undefined, rowId: string | number): boolean =>
  ctx !== undefined && (written.get(ctx)?.has(String(rowId)) ?? false);

const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * With a synchronous database driver (SQLite) a request runs to its answer without letting the
 * server read the next one, so requests sent together would begin one after the other and look
 * sequential. Giving way through one more poll of the sockets (the first immediate runs in the
 * current loop turn, the second after the next poll) lets the requests already received begin,
 * and take their start instant, before the caller acts.
 */
export const letWaitingRequestsBegin = async () => {
  await immediate();
  await immediate();
};
