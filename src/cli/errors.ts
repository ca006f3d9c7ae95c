/**
 * A mistake in how the command was called (exit 2). Never a wrong password: a missing password
 * file is reported here, before any attempt, so it cannot count toward the lockout.
 */
export class UsageError extends Error {}

/** Another process holds the data folder's write lock (exit 3). */
export class BusyError extends Error {}

/** A search found nothing (exit 1). */
export class NotFoundError extends UsageError {}
