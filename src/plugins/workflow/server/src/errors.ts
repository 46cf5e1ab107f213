import { errors } from '@strapi/utils';

/**
 * A 403 that keeps its message and details: Strapi's authorize middleware turns a plain
 * ForbiddenError thrown downstream into a bare "Forbidden" and lets only PolicyError through.
 */
export class TransitionForbiddenError extends errors.PolicyError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
    (this as { name: string }).name = 'ForbiddenError';
  }
}

/** 409: the document is no longer in the state the caller acted on. */
export class ConflictError extends errors.ApplicationError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
    (this as { name: string }).name = 'ConflictError';
  }
}

/** Answers a ConflictError with status 409 in Strapi's envelope (Strapi maps unknown errors to 400). */
export const withConflicts = async (ctx: any, fn: () => Promise<void>) => {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ConflictError) {
      ctx.status = 409;
      ctx.body = {
        data: null,
        error: { status: 409, name: 'ConflictError', message: error.message, details: error.details ?? {} },
      };
      return;
    }
    throw error;
  }
};
