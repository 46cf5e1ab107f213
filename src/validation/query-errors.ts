// Query shapes that Strapi's query validation lets through and its query engine then refuses
// with a plain Error (or the database with a data exception): on a read, only the client's
// query can have caused them. Plain TypeScript, used by the content API's scoped controller.

const QUERY_SHAPE_MESSAGES = [
  /^Undefined attribute level operator /,
  /^Only \$and, \$or and \$not can only be used as root level operators/,
  /^Operator \S+ must be an array$/,
  /^Operator and non-operator keys cannot be mixed/,
  /^Only one operator key is allowed/,
  /^Where must be (an array or )?an object$/,
  /^You cannot (filter|order) on \S+ types$/,
  /^Invalid orderBy syntax$/,
  /^Populate must be an object$/,
  /^Invalid populate attribute /,
  /^Cannot join on non relational field /,
  // the query engine's casts of a filter value to the column's type
  /^Expected a valid (Number|BigInteger), got /,
  // knex's assertions on $between's value
  /^The second argument to whereBetween must be an array/,
  /^You must specify 2 values for the whereBetween clause/,
  // knex, for a value that is an object where a scalar is expected
  /^Undefined binding\(s\) detected/,
];

/**
 * The reason to give the client when `error` comes from the shape or the values of a read
 * query, or null for any other error (which stays a 500).
 */
export const queryInputProblem = (error: unknown): string | null => {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) return null;
  const { message, code } = error as { message?: unknown; code?: unknown };
  if (typeof message !== 'string') return null;
  if (QUERY_SHAPE_MESSAGES.some((re) => re.test(message))) return message.split('\n')[0]!.slice(0, 300);
  // PostgreSQL data exceptions (class 22: text for an integer column, a date out of range ...)
  if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return message.split('\n')[0]!.replace(/^.* - /, '').slice(0, 300);
  return null;
};
