import { UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { answerToStore, IdempotencyClaim, IdempotencyStore, KeyInProgressProblem, requestFingerprint, StoredAnswer } from '@opm/platform';
import type { AppContext } from '@opm/testing';
import { createdOrderHeaders } from '../lifecycle/http-headers';
import type { CreateOrderDto } from '../lifecycle/dto/create-order.dto';
import { customer, newOrder, startSales } from '../test/sales-context';
import { IntakeService } from './intake.service';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The idempotency mechanism's claim, commit and expiry against the real PostgreSQL (issue 11 item 1), with sales'
 * order intake as the effect: what the interceptor does for `POST /orders` with an `Idempotency-Key`, without HTTP.
 */
describe('idempotency keys (PostgreSQL, issue 11 item 1)', () => {
  let ctx: AppContext;
  let store: IdempotencyStore;
  let intake: IntakeService;

  beforeAll(async () => {
    ctx = await startSales('idempotency', { IDEMPOTENCY_WAIT_MS: '1000', IDEMPOTENCY_RETENTION_HOURS: '24' });
    store = ctx.app.get(IdempotencyStore);
    intake = ctx.app.get(IntakeService);
  });
  afterAll(() => ctx?.close());

  const claimFor = (dto: CreateOrderDto, key = randomUUID(), scope = 'sales.staff'): IdempotencyClaim => ({
    scope,
    key,
    fingerprint: requestFingerprint({ method: 'POST', url: '/orders', body: dto }),
  });
  /** What the interceptor runs for POST /orders: the use case, then the answer as it will be sent. */
  const createOrder = (dto: CreateOrderDto, during?: () => Promise<void>) => async (): Promise<StoredAnswer> => {
    const order = await intake.create(dto);
    await during?.();
    const headers = createdOrderHeaders(order);
    return answerToStore(201, (name) => headers[name as keyof typeof headers], order);
  };
  const ordersOf = async (customerId: string): Promise<string[]> =>
    (await ctx.dataSource.query(`SELECT id FROM sales_order WHERE "customerId" = $1`, [customerId])).map((r: { id: string }) => r.id);
  const keyRow = async (claim: IdempotencyClaim) =>
    (await ctx.dataSource.query(`SELECT * FROM idempotency_key WHERE scope = $1 AND key = $2`, [claim.scope, claim.key]))[0];

  it('issue 11 idempotency: the key, the order and the stored answer (status, body, ETag, Location) commit together; a repeat replays it', async () => {
    const customerId = await customer(ctx);
    const dto = newOrder(customerId);
    const claim = claimFor(dto);
    const first = await store.execute(claim, createOrder(dto));
    expect(first).toMatchObject({ replayed: false, joined: true, answer: { status: 201 } });
    const order = first.answer.body as { id: string; version: number };
    expect(first.answer.headers).toEqual({ etag: `"${order.version}"`, location: `/orders/${order.id}`, 'content-type': 'application/json; charset=utf-8' });
    const row = await keyRow(claim);
    expect(row).toMatchObject({ status_code: 201, response: { id: order.id }, response_headers: first.answer.headers });
    expect(row.completed_at).not.toBeNull();

    const repeat = await store.execute(claim, createOrder(dto));
    expect(repeat).toEqual({ replayed: true, answer: first.answer });
    expect(await ordersOf(customerId)).toEqual([order.id]);
  });

  it('issue 11 idempotency: a use case that fails leaves neither its key nor its effect, and the retry runs afresh', async () => {
    const customerId = await customer(ctx);
    const dto = newOrder(customerId);
    const claim = claimFor(dto);
    const failing = createOrder(dto, async () => {
      throw new Error('the handler failed after writing');
    });
    await expect(store.execute(claim, failing)).rejects.toThrow('the handler failed after writing');
    expect(await keyRow(claim)).toBeUndefined();
    expect(await ordersOf(customerId)).toEqual([]);
    const retry = await store.execute(claim, createOrder(dto));
    expect(retry.replayed).toBe(false);
    expect(await ordersOf(customerId)).toEqual([(retry.answer.body as { id: string }).id]);
  });

  it('issue 11 idempotency: an answer that cannot be stored undoes the effect too (no key released after a commit)', async () => {
    const customerId = await customer(ctx);
    const dto = newOrder(customerId);
    const claim = claimFor(dto);
    const unstorable = async (): Promise<StoredAnswer> => {
      await intake.create(dto);
      return { status: 201, headers: {}, body: { big: BigInt(1) } };
    };
    await expect(store.execute(claim, unstorable)).rejects.toThrow(/BigInt/);
    expect(await keyRow(claim)).toBeUndefined();
    expect(await ordersOf(customerId)).toEqual([]);
  });

  it('issue 11 idempotency: concurrent claims of one key give one effect and the same answer', async () => {
    const customerId = await customer(ctx);
    const dto = newOrder(customerId);
    const claim = claimFor(dto);
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => store.execute(claim, createOrder(dto))));
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    const ids = new Set(outcomes.map((o) => (o.answer.body as { id: string }).id));
    expect(ids.size).toBe(1);
    expect(await ordersOf(customerId)).toEqual([...ids]);
  });

  it('issue 11 idempotency: a repeat while the first still runs waits at most IDEMPOTENCY_WAIT_MS, then is 409 in progress', async () => {
    const customerId = await customer(ctx);
    const dto = newOrder(customerId);
    const claim = claimFor(dto);
    const first = store.execute(claim, createOrder(dto, () => sleep(5000)));
    await sleep(300);
    const started = Date.now();
    const second = await store.execute(claim, createOrder(dto)).catch((err: unknown) => err);
    const waited = Date.now() - started;
    expect(second).toBeInstanceOf(KeyInProgressProblem);
    expect((second as KeyInProgressProblem).getStatus()).toBe(409);
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(4500);
    const done = await first;
    const third = await store.execute(claim, createOrder(dto));
    expect(third).toEqual({ replayed: true, answer: done.answer });
    expect(await ordersOf(customerId)).toHaveLength(1);
  });

  it('issue 11 idempotency: a holder whose connection dies before commit leaves nothing; the waiting retry takes the key and creates the one order', async () => {
    const customerId = await customer(ctx);
    const dto = newOrder(customerId);
    const claim = claimFor(dto);
    let holderPid = 0;
    // The first attempt's connection is cut mid-request (what a kill -9 of the service does to it).
    const first = store
      .execute(claim, async (m) => {
        const answer = await createOrder(dto)();
        holderPid = (await m.query(`SELECT pg_backend_pid() AS pid`))[0].pid;
        await sleep(1500);
        return answer;
      })
      .catch((err: unknown) => err);
    while (holderPid === 0) await sleep(20);
    const retry = store.execute(claim, createOrder(dto));
    await sleep(200);
    await ctx.dataSource.query(`SELECT pg_terminate_backend($1)`, [holderPid]);
    expect(await first).toBeInstanceOf(Error);
    const taken = await retry;
    expect(taken.replayed).toBe(false);
    expect(await ordersOf(customerId)).toEqual([(taken.answer.body as { id: string }).id]);
  });

  it('issue 11 idempotency: the same key with another body is 422 naming Idempotency-Key; another principal\'s same key is its own', async () => {
    const customerId = await customer(ctx);
    const dto = newOrder(customerId);
    const claim = claimFor(dto);
    await store.execute(claim, createOrder(dto));
    const other = { ...dto, paymentTerms: 'cash' } as CreateOrderDto;
    const misuse = await store.execute({ ...claim, fingerprint: claimFor(other).fingerprint }, createOrder(other)).catch((err: unknown) => err);
    expect(misuse).toBeInstanceOf(UnprocessableEntityException);
    expect((misuse as UnprocessableEntityException).getResponse()).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
    const someoneElse = await store.execute({ ...claim, scope: 'sales.head' }, createOrder(dto));
    expect(someoneElse.replayed).toBe(false);
    expect(await ordersOf(customerId)).toHaveLength(2);
  });

  it('issue 11 idempotency: keys expire after IDEMPOTENCY_RETENTION_HOURS: pruned by the job, and an expired key not yet pruned is a new request', async () => {
    const customerId = await customer(ctx);
    const dto = newOrder(customerId);
    const [old, fresh, expiredNotPruned] = [claimFor(dto), claimFor(dto), claimFor(dto)];
    await store.execute(old, createOrder(dto));
    await store.execute(fresh, createOrder(dto));
    await store.execute(expiredNotPruned, createOrder(dto));
    await ctx.dataSource.query(`UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = ANY($1)`, [[old.key, expiredNotPruned.key]]);
    // Past its retention, a repeat runs again rather than replaying an answer kept too long.
    const again = await store.execute(expiredNotPruned, createOrder(dto));
    expect(again.replayed).toBe(false);
    expect(await store.prune()).toBe(1);
    expect(await keyRow(old)).toBeUndefined();
    expect(await keyRow(fresh)).toBeDefined();
    expect(await keyRow(expiredNotPruned)).toBeDefined();
    expect((await store.execute(fresh, createOrder(dto))).replayed).toBe(true);
  });
});
