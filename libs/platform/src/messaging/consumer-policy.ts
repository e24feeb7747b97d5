/**
 * The consumer policy (issue 11, item 3): what happens to a message whose handler failed. Pure functions, so the
 * rule is in one place and unit-tested; the inbox applies it, the transports carry out "retry later".
 *
 * - transient (a deadlock, a serialization failure, a lost or refused connection, the broker away): retried with
 *   exponential backoff for as long as it takes; never counted toward the dead letter;
 * - poison (the message cannot be read, the payload breaks its schema, a business refusal, a data error): dead-lettered
 *   at once with the reason: retrying cannot change the answer;
 * - not yet applicable (what it builds on, an event on another topic, has not been applied yet): retried with backoff
 *   for at most `notYetApplicableMaxMs` since it first waited, then dead-lettered saying what it waited for;
 * - failing (anything else, such as a bug): retried `maxAttempts` times with backoff, then dead-lettered.
 */
export type FailureKind = 'transient' | 'poison' | 'not-yet-applicable' | 'failing';

export interface FailureClass {
  kind: FailureKind;
  /** Why, as the log and the dead letter say it. */
  reason: string;
}

/**
 * Thrown by a handler whose event depends on one that has not been applied yet (events of one order on different
 * topics have no order between them): the message is tried again later, for a bounded time.
 */
export class NotYetApplicable extends Error {
  override readonly name = 'NotYetApplicable';
}

/** A handler's way to say "this message is wrong and always will be": dead-lettered at once (business refusal). */
export class PoisonMessage extends Error {
  override readonly name = 'PoisonMessage';
}

/**
 * PostgreSQL SQLSTATEs that say nothing about the message: serialization failure, deadlock, the server shutting down
 * or not accepting connections yet, too many connections, out of memory or disk; and class 08, connection exceptions.
 */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '57P01', '57P02', '57P03', '53000', '53100', '53200', '53300', '55P03', '58000', '58030']);
/** PostgreSQL classes that are the data's fault: 22 data exception, 23 integrity constraint violation. */
const POISON_SQLSTATE_CLASSES = new Set(['22', '23']);
/** Node's socket errors: the connection, not the message. */
const TRANSIENT_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED']);
/** What pg and TypeORM say when a connection is lost or cannot be had (they carry no code). */
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /terminating connection/i,
  /timeout exceeded when trying to connect/i,
  /connection (is )?(closed|lost|refused)/i,
  /cannot use a pool after calling end/i,
  /client has encountered a connection error/i,
  /query read timeout/i,
];

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  retriable?: unknown;
  driverError?: unknown;
  cause?: unknown;
  status?: unknown;
  getStatus?: unknown;
  getResponse?: unknown;
}

const asErrorLike = (err: unknown): ErrorLike => (err !== null && typeof err === 'object' ? (err as ErrorLike) : {});
/** What the error says; for a problem (HttpException) its `detail`, which names the refusal, not its status text. */
const messageOf = (err: unknown): string => {
  const e = asErrorLike(err);
  const response = typeof e.getResponse === 'function' ? (e.getResponse as () => unknown).call(err) : undefined;
  const detail = (response as { detail?: unknown } | undefined)?.detail;
  if (typeof detail === 'string' && detail) return detail;
  return typeof e.message === 'string' && e.message ? e.message : String(err);
};

/** The SQLSTATE of a PostgreSQL error, directly or inside TypeORM's QueryFailedError (`driverError`). */
function sqlState(err: ErrorLike): string | undefined {
  for (const candidate of [err, asErrorLike(err.driverError)]) {
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate.code;
  }
  return undefined;
}

function errno(err: ErrorLike): string | undefined {
  for (const candidate of [err, asErrorLike(err.driverError), asErrorLike(err.cause)]) {
    if (typeof candidate.code === 'string' && TRANSIENT_ERRNOS.has(candidate.code)) return candidate.code;
  }
  return undefined;
}

/** An HTTP-style refusal a handler reused from a use case (ProblemException and Nest's HttpException): 4xx is the message's fault. */
function clientErrorStatus(err: ErrorLike): number | undefined {
  const status = typeof err.getStatus === 'function' ? (err.getStatus as () => unknown).call(err) : err.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Classifies a handler's failure; `databaseReachable: false` makes any failure transient, since then the message is
 * not the culprit.
 */
export function classifyFailure(err: unknown, context: { databaseReachable?: boolean } = {}): FailureClass {
  const e = asErrorLike(err);
  const message = messageOf(err);
  if (err instanceof NotYetApplicable || e.name === 'NotYetApplicable') return { kind: 'not-yet-applicable', reason: message };
  const state = sqlState(e);
  if (state && (TRANSIENT_SQLSTATES.has(state) || state.startsWith('08'))) return { kind: 'transient', reason: `PostgreSQL ${state}: ${message}` };
  const code = errno(e);
  if (code) return { kind: 'transient', reason: `${code}: ${message}` };
  if (TRANSIENT_MESSAGES.some((re) => re.test(message))) return { kind: 'transient', reason: message };
  // kafkajs marks what a retry may fix (the dead-letter topic's broker away); its other errors are not the message's either.
  if (typeof e.name === 'string' && e.name.startsWith('KafkaJS')) return { kind: 'transient', reason: `${e.name}: ${message}` };
  if (context.databaseReachable === false) return { kind: 'transient', reason: `database unreachable: ${message}` };
  if (e.name === 'PoisonMessage') return { kind: 'poison', reason: message };
  if (e.name === 'ZodError') return { kind: 'poison', reason: `invalid: ${message}` };
  if (state && POISON_SQLSTATE_CLASSES.has(state.slice(0, 2))) return { kind: 'poison', reason: `PostgreSQL ${state}: ${message}` };
  const status = clientErrorStatus(e);
  if (status !== undefined) return { kind: 'poison', reason: `refused (${status}): ${message}` };
  return { kind: 'failing', reason: message };
}

export interface RetrySettings {
  /** First wait before a message is tried again; doubles per try. */
  retryInitialMs: number;
  /** Upper bound of the wait. */
  retryMaxMs: number;
  /** Tries of a `failing` message before it is dead-lettered. */
  maxAttempts: number;
  /** How long a not-yet-applicable message may wait, from its first wait, before it is dead-lettered. */
  notYetApplicableMaxMs: number;
}

/** What the consumer remembers of a message that failed and is still being tried (per consumer and offset). */
export interface RetryState {
  /** Tries that failed so far, of any kind (the backoff grows with them). */
  failures: number;
  /** Failed tries that count toward the dead letter (`failing` ones only). */
  counted: number;
  /** When it first failed as not yet applicable (ms since epoch), or null. */
  waitingSince: number | null;
}

export const NO_FAILURES: RetryState = { failures: 0, counted: 0, waitingSince: null };

export type RetryDecision =
  | { action: 'retry'; delayMs: number; state: RetryState; reason: string }
  | { action: 'dead-letter'; reason: string };

/** Exponential backoff: `initial * 2^(n-1)`, at most `max`. */
export function backoffMs(failures: number, settings: Pick<RetrySettings, 'retryInitialMs' | 'retryMaxMs'>): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  return Math.min(settings.retryMaxMs, settings.retryInitialMs * 2 ** exponent);
}

/** The next step for a message that just failed with `failure`, given what failed before (`previous`), at `now`. */
export function decideRetry(failure: FailureClass, previous: RetryState, now: number, settings: RetrySettings): RetryDecision {
  const failures = previous.failures + 1;
  switch (failure.kind) {
    case 'poison':
      return { action: 'dead-letter', reason: failure.reason };
    case 'transient': {
      const state = { ...previous, failures };
      return { action: 'retry', delayMs: backoffMs(failures, settings), state, reason: `transient failure (not counted): ${failure.reason}` };
    }
    case 'not-yet-applicable': {
      const waitingSince = previous.waitingSince ?? now;
      const waited = now - waitingSince;
      if (waited >= settings.notYetApplicableMaxMs) {
        return {
          action: 'dead-letter',
          reason: `not yet applicable after waiting ${Math.round(waited / 1000)} s (limit ${Math.round(settings.notYetApplicableMaxMs / 1000)} s): ${failure.reason}`,
        };
      }
      // Never wait past the limit: the last try comes when it is reached.
      const delayMs = Math.max(1, Math.min(backoffMs(failures, settings), settings.notYetApplicableMaxMs - waited));
      return { action: 'retry', delayMs, state: { ...previous, failures, waitingSince }, reason: `waits for what it builds on: ${failure.reason}` };
    }
    case 'failing': {
      const counted = previous.counted + 1;
      if (counted >= settings.maxAttempts) return { action: 'dead-letter', reason: `handler failed ${counted} times: ${failure.reason}` };
      return { action: 'retry', delayMs: backoffMs(failures, settings), state: { ...previous, failures, counted }, reason: `failed (attempt ${counted} of ${settings.maxAttempts}): ${failure.reason}` };
    }
  }
}

/**
 * Thrown out of a handler to the transport: "do not commit this message, offer it again in `delayMs`". The Kafka
 * server pauses the partition (heartbeats go on), seeks back to the message and resumes after the delay; the
 * in-memory broker waits as long before its redelivery.
 */
export class RetryLater extends Error {
  override readonly name = 'RetryLater';

  constructor(
    readonly delayMs: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** The wait a transport applies to a failed delivery: the `RetryLater`'s, or `fallbackMs` for any other error. */
export function retryDelayOf(err: unknown, fallbackMs: number): number {
  const delay = asErrorLike(err).name === 'RetryLater' ? (err as RetryLater).delayMs : undefined;
  return typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? delay : fallbackMs;
}
