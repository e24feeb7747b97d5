import { daysFromToday, DEMO_CUSTOMERS } from '@opm/contracts';
import { DEMO_PASSWORD, orderBody } from '@opm/testing';
import type { KeyOutcome } from './checks';
import { Attempt, backoffMs, judge } from './retry-policy';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface LoadOptions {
  api: string;
  concurrency: number;
  requestTimeoutMs: number;
  giveUpMs: number;
  /** Stops every worker at once (the suite's deadline). */
  signal: AbortSignal;
}

/**
 * The client side of the suite: orders sent `concurrency` at a time through the gateway, each with its own
 * Idempotency-Key, sent again with the same key and body until accepted or given up (`judge` decides).
 */
export class OrderClient {
  private token?: string;

  constructor(private readonly options: LoadOptions) {}

  private async login(): Promise<string> {
    const res = await fetch(`${this.options.api}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sales.staff', password: DEMO_PASSWORD }),
      signal: AbortSignal.timeout(this.options.requestTimeoutMs),
    });
    if (res.status !== 200) throw new Error(`login answered ${res.status}`);
    this.token = ((await res.json()) as { accessToken: string }).accessToken;
    return this.token;
  }

  /** Logs in, retrying while the gateway is not there yet. */
  async ready(): Promise<void> {
    for (let i = 1; ; i += 1) {
      try {
        await this.login();
        return;
      } catch (err) {
        if (i >= 60 || this.options.signal.aborted) throw err;
        await sleep(500);
      }
    }
  }

  /** One order: a small catalog order, far out, that every department clears (so auto-confirm concludes it). */
  static body(key: string): Record<string, unknown> {
    return orderBody({
      customerId: DEMO_CUSTOMERS[0].id,
      contactPerson: key,
      orderDate: daysFromToday(0),
      deliveryDate: daysFromToday(180),
      lines: [{ productCode: 'P-100', quantity: 10, unitPrice: '12.50' }],
      specialRequirements: null,
    });
  }

  private async attempt(key: string, body: string): Promise<Attempt> {
    try {
      const res = await fetch(`${this.options.api}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, 'idempotency-key': key },
        body,
        signal: AbortSignal.any([AbortSignal.timeout(this.options.requestTimeoutMs), this.options.signal]),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: kept as text for the report
      }
      return { kind: 'answer', status: res.status, body: parsed };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      return { kind: 'no-answer', reason: e.cause?.code ?? e.name };
    }
  }

  /** Sends one order until it is accepted, refused for good, or given up. */
  async send(key: string, phase: number): Promise<KeyOutcome> {
    const body = JSON.stringify(OrderClient.body(key));
    const outcome: KeyOutcome = { key, phase, answeredIds: [], acceptedAt: null, retries: 0, failure: null };
    const started = Date.now();
    for (let n = 0; ; n += 1) {
      if (n > 0) outcome.retries += 1;
      const verdict = judge(await this.attempt(key, body));
      if (verdict.next === 'accepted') {
        outcome.answeredIds.push(verdict.orderId);
        outcome.acceptedAt = Date.now();
        // Ask once more with the same key: the answer must name the same order (a key answered twice differently
        // is a duplicate even if sales holds one order).
        const again = judge(await this.attempt(key, body));
        if (again.next === 'accepted' && again.orderId !== verdict.orderId) outcome.answeredIds.push(again.orderId);
        return outcome;
      }
      if (verdict.next === 'refused') {
        outcome.failure = verdict.reason;
        return outcome;
      }
      if (this.options.signal.aborted || Date.now() - started > this.options.giveUpMs) {
        outcome.failure = `gave up after ${outcome.retries} retries, last: ${verdict.next === 'retry' ? verdict.reason : '401'}`;
        return outcome;
      }
      if (verdict.next === 'login-and-retry') await this.login().catch(() => undefined);
      await sleep(backoffMs(n + 1));
    }
  }

  /**
   * Sends one order per key, `concurrency` at a time, adding each outcome to `outcomes` as it is known;
   * `onAnswered` is told each time one is done (the suite injects its fault after a share of the phase).
   */
  async sendMany(keys: readonly string[], phase: number, outcomes: KeyOutcome[], onAnswered: (done: number) => void): Promise<KeyOutcome[]> {
    let next = 0;
    await Promise.all(
      Array.from({ length: this.options.concurrency }, async () => {
        while (next < keys.length && !this.options.signal.aborted) {
          const key = keys[next];
          next += 1;
          outcomes.push(await this.send(key, phase));
          onAnswered(outcomes.length);
        }
      }),
    );
    return outcomes;
  }
}
