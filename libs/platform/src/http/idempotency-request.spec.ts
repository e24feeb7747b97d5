import { BadRequestException, UnprocessableEntityException } from '@nestjs/common';
import { loadServiceConfig } from '../config/service-config';
import { answerToStore, idempotencyScope, keyReusedProblem, parseIdempotencyKey, replayHeaders, requestFingerprint } from './idempotency-request';

const order = { method: 'POST', url: '/orders', body: { customerId: 'c-1', lines: [{ productCode: 'P-100', quantity: 2 }], currency: 'CNY' } };

describe('idempotency request fingerprint (issue 11 item 1)', () => {
  it('issue 11 idempotency: the same method, path and body give one fingerprint, whatever the key order', () => {
    const reordered = { method: 'post', url: '/orders', body: { currency: 'CNY', lines: [{ quantity: 2, productCode: 'P-100' }], customerId: 'c-1' } };
    expect(requestFingerprint(reordered)).toBe(requestFingerprint(order));
    expect(requestFingerprint(order)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('issue 11 idempotency: another body, path, query or method is another request', () => {
    const base = requestFingerprint(order);
    expect(requestFingerprint({ ...order, body: { ...order.body, currency: 'EUR' } })).not.toBe(base);
    expect(requestFingerprint({ ...order, body: { ...order.body, lines: [{ productCode: 'P-100', quantity: 3 }] } })).not.toBe(base);
    expect(requestFingerprint({ ...order, url: '/customers' })).not.toBe(base);
    expect(requestFingerprint({ ...order, url: '/orders?x=1' })).not.toBe(base);
    expect(requestFingerprint({ ...order, method: 'PUT' })).not.toBe(base);
    expect(requestFingerprint({ method: 'POST', url: '/orders' })).toBe(requestFingerprint({ method: 'POST', url: '/orders', body: null }));
  });

  it('issue 11 idempotency: keys are per principal', () => {
    expect(idempotencyScope({ username: 'sales.staff' })).toBe('sales.staff');
    expect(idempotencyScope({ username: 'sales.head' })).not.toBe(idempotencyScope({ username: 'sales.staff' }));
    expect(idempotencyScope(undefined)).toBe('-');
  });

  it('issue 11 idempotency: a key is 1 to 200 visible ASCII characters, else 400 naming the header', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('order-7f3a')).toBe('order-7f3a');
    for (const bad of ['', 'with space', 'x'.repeat(201), 'ключ', ['a', 'b']]) {
      let thrown: unknown;
      try {
        parseIdempotencyKey(bad);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(BadRequestException);
      expect((thrown as BadRequestException).getResponse()).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
    }
  });

  it('issue 11 idempotency: the same key with another request is 422 naming the Idempotency-Key header', () => {
    const problem = keyReusedProblem();
    expect(problem).toBeInstanceOf(UnprocessableEntityException);
    expect(problem.getResponse()).toMatchObject({ errors: [{ field: 'Idempotency-Key', message: 'reused with a different request' }] });
  });
});

describe('idempotency stored answer (issue 11 item 1)', () => {
  it('issue 11 idempotency: the stored answer keeps status, body, ETag, Location and Content-Type, nothing else', () => {
    const set: Record<string, unknown> = { etag: '"1"', location: '/orders/o-1', 'content-type': 'application/json; charset=utf-8', 'x-correlation-id': 'c', 'set-cookie': 's' };
    const answer = answerToStore(201, (name) => set[name], { id: 'o-1', version: 1 });
    expect(answer).toEqual({
      status: 201,
      headers: { etag: '"1"', location: '/orders/o-1', 'content-type': 'application/json; charset=utf-8' },
      body: { id: 'o-1', version: 1 },
    });
  });

  it('issue 11 idempotency: a JSON answer without a Content-Type set keeps the one Fastify sends; no body is null', () => {
    const answer = answerToStore(200, () => undefined, undefined);
    expect(answer).toEqual({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: null });
    expect(answerToStore(201, (n) => (n === 'etag' ? 3 : undefined), {}).headers.etag).toBe('3');
  });

  it('issue 11 idempotency: a replay sends the first answer\'s headers and Idempotent-Replayed: true', () => {
    const answer = answerToStore(201, (n) => ({ etag: '"1"', location: '/orders/o-1' })[n], { id: 'o-1' });
    expect(replayHeaders(answer)).toEqual({ etag: '"1"', location: '/orders/o-1', 'content-type': 'application/json; charset=utf-8', 'idempotent-replayed': 'true' });
  });
});

describe('idempotency settings (issue 11 item 1)', () => {
  it('issue 11 idempotency: keys are kept 24 hours by default; the retention is validated', () => {
    expect(loadServiceConfig('sales', {}).IDEMPOTENCY_RETENTION_HOURS).toBe(24);
    expect(loadServiceConfig('sales', { IDEMPOTENCY_RETENTION_HOURS: '48' }).IDEMPOTENCY_RETENTION_HOURS).toBe(48);
    expect(() => loadServiceConfig('sales', { IDEMPOTENCY_RETENTION_HOURS: 'a day' })).toThrow(/IDEMPOTENCY_RETENTION_HOURS/);
    expect(() => loadServiceConfig('sales', { IDEMPOTENCY_RETENTION_HOURS: '0' })).toThrow(/IDEMPOTENCY_RETENTION_HOURS/);
  });

  it('issue 11 idempotency: the crash test hook is refused in production mode', () => {
    expect(loadServiceConfig('sales', { TEST_DIE_AFTER_IDEMPOTENT_COMMIT: 'POST /orders' }).TEST_DIE_AFTER_IDEMPOTENT_COMMIT).toBe('POST /orders');
    expect(() => loadServiceConfig('sales', { TEST_DIE_AFTER_IDEMPOTENT_COMMIT: 'orders' })).toThrow(/TEST_DIE_AFTER_IDEMPOTENT_COMMIT/);
    expect(() =>
      loadServiceConfig('sales', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), AUDIT_CHECKPOINT_KEY: 'y'.repeat(40), TEST_DIE_AFTER_IDEMPOTENT_COMMIT: 'POST /orders' }),
    ).toThrow(/TEST_DIE_AFTER_IDEMPOTENT_COMMIT: a test hook, refused in production mode/);
    expect(loadServiceConfig('sales', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), AUDIT_CHECKPOINT_KEY: 'y'.repeat(40) }).TEST_DIE_AFTER_IDEMPOTENT_COMMIT).toBeUndefined();
  });
});
