/**
 * What is wrong with a 4xx answer's body, measured against Strapi's envelope
 * `{ data: null, error: { status, name, message, details: { errors: [{ path: string[], message }] } } }`;
 * null when it is right.
 */
export const envelopeProblem = (res: { status: number; body: any; headers: Record<string, string> }): string | null => {
  if (!String(res.headers['content-type'] ?? '').startsWith('application/json')) return `content-type ${res.headers['content-type']}`;
  const body = res.body;
  if (!body || typeof body !== 'object') return 'no JSON object body';
  if (body.data !== null) return 'data is not null';
  const error = body.error;
  if (!error || typeof error !== 'object') return 'no error object';
  if (error.status !== res.status) return `error.status ${error.status} is not the HTTP status ${res.status}`;
  if (typeof error.name !== 'string' || error.name === '') return 'error.name is not a string';
  if (typeof error.message !== 'string') return 'error.message is not a string';
  const errors = error.details?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return 'error.details.errors is not a non-empty array';
  for (const e of errors) {
    if (!e || typeof e.message !== 'string') return `an entry of details.errors has no message: ${JSON.stringify(e)}`;
    if (!Array.isArray(e.path) || !e.path.every((p: unknown) => typeof p === 'string')) return `an entry of details.errors has no string[] path: ${JSON.stringify(e)}`;
  }
  return null;
};

/** Asserts a 4xx in the envelope, with the given status (and name), and returns its error entries' paths joined by dots. */
export const expectErrorEnvelope = (res: { status: number; body: any; headers: Record<string, string> }, status: number, name?: string): string[] => {
  expect({ status: res.status, problem: envelopeProblem(res) }).toEqual({ status, problem: null });
  if (name) expect(res.body.error.name).toBe(name);
  return res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
};
