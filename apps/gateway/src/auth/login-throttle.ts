/**
 * Login throttling (issue 11): failed logins are counted per account and per client over a sliding window; once
 * either count reaches its limit, further attempts are refused (429 with Retry-After) before the password is
 * even checked, until the oldest counted failure leaves the window. A successful login clears the account's
 * failures (not the client's: one client guessing many accounts stays throttled). Pure: time is passed in.
 */
export interface LoginThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerClient: number;
  windowMs: number;
}

export type LoginVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: 'account' | 'client' };

/** Keys kept at most; the oldest are dropped first, so a flood of invented usernames cannot exhaust memory. */
const MAX_KEYS = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: LoginThrottleLimits) {}

  check(account: string, client: string, now: number): LoginVerdict {
    const accountWait = this.wait(`account:${account}`, this.limits.maxFailuresPerAccount, now);
    if (accountWait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(accountWait / 1000), reason: 'account' };
    const clientWait = this.wait(`client:${client}`, this.limits.maxFailuresPerClient, now);
    if (clientWait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(clientWait / 1000), reason: 'client' };
    return { allowed: true };
  }

  failed(account: string, client: string, now: number): void {
    this.add(`account:${account}`, now);
    this.add(`client:${client}`, now);
  }

  succeeded(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  /** Milliseconds until `key` may try again (0: now). */
  private wait(key: string, max: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < max) return 0;
    return recent[recent.length - max] + this.limits.windowMs - now;
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  private add(key: string, now: number): void {
    const kept = [...this.recent(key, now), now].slice(-Math.max(this.limits.maxFailuresPerAccount, this.limits.maxFailuresPerClient));
    this.failures.delete(key);
    this.failures.set(key, kept);
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
  }
}
