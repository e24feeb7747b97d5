import { faultPlan, ordersPerPhase } from './fault-plan';
import { backoffMs, judge } from './retry-policy';
import { loadFaultSettings } from './settings';

describe('fault suite plan, settings and client rule (issue 11, item 5)', () => {
  it('I11.5 injects kill -9 of every service and the gateway, then Kafka, then the databases, with their durations', () => {
    const plan = faultPlan(loadFaultSettings({}));
    expect(plan.map((f) => `${f.name}/${f.downSeconds}`)).toEqual([
      'kill -9 sales/3',
      'kill -9 production/3',
      'kill -9 purchasing/3',
      'kill -9 quality/3',
      'kill -9 finance/3',
      'kill -9 logistics/3',
      'kill -9 gateway/3',
      'kafka down/30',
      'databases down/10',
    ]);
    expect(faultPlan({ ...loadFaultSettings({}), only: ['kafka down'] }).map((f) => f.kind)).toEqual(['kafka']);
    expect(() => faultPlan({ ...loadFaultSettings({}), only: ['kill -9 mars'] })).toThrow(/kill -9 mars/);
  });

  it('I11.5 reads sizes from the environment and refuses bad values or a database off this machine', () => {
    const s = loadFaultSettings({ FAULTS_ORDERS: '2000', FAULTS_CONCURRENCY: '8', FAULTS_KAFKA_DOWN_SECONDS: '5', FAULTS_ONLY: 'kafka down, databases down' });
    expect(s).toMatchObject({ orders: 2000, concurrency: 8, kafkaDownSeconds: 5, restartSeconds: 3, dbDownSeconds: 10, only: ['kafka down', 'databases down'] });
    expect(() => loadFaultSettings({ FAULTS_ORDERS: 'many' })).toThrow(/FAULTS_ORDERS/);
    expect(() => loadFaultSettings({ FAULTS_DATABASE_URL_TEMPLATE: 'postgres://db.example.test/opm_{service}' })).toThrow(/127\.0\.0\.1/);
    expect(() => loadFaultSettings({ FAULTS_DATABASE_URL_TEMPLATE: 'postgres://127.0.0.1/opm' })).toThrow(/\{service\}/);
    expect(ordersPerPhase(270, 9)).toBe(30);
    expect(ordersPerPhase(2000, 9)).toBe(223);
    expect(ordersPerPhase(3, 9)).toBe(1);
  });

  it('I11.5 retries on 5xx, 429, a dropped connection, a timeout and an in-progress key; stops on other 4xx', () => {
    expect(judge({ kind: 'answer', status: 201, body: { id: 'o1' } })).toEqual({ next: 'accepted', orderId: 'o1' });
    expect(judge({ kind: 'answer', status: 504, body: {} }).next).toBe('retry');
    expect(judge({ kind: 'answer', status: 503, body: {} }).next).toBe('retry');
    expect(judge({ kind: 'answer', status: 429, body: {} }).next).toBe('retry');
    expect(judge({ kind: 'no-answer', reason: 'ECONNREFUSED' })).toEqual({ next: 'retry', reason: 'ECONNREFUSED' });
    expect(judge({ kind: 'no-answer', reason: 'TimeoutError' }).next).toBe('retry');
    expect(judge({ kind: 'answer', status: 409, body: { detail: 'a request with this Idempotency-Key is still being processed' } }).next).toBe('retry');
    expect(judge({ kind: 'answer', status: 409, body: { detail: 'order changed meanwhile' } }).next).toBe('refused');
    expect(judge({ kind: 'answer', status: 422, body: { detail: 'reused' } }).next).toBe('refused');
    expect(judge({ kind: 'answer', status: 401, body: {} }).next).toBe('login-and-retry');
    expect(judge({ kind: 'answer', status: 201, body: {} }).next).toBe('refused');
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffMs)).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
  });
});
