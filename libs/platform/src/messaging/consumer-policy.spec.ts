import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { BusinessRuleProblem, ConflictProblem } from '../http/problem-details';
import { backoffMs, classifyFailure, decideRetry, NO_FAILURES, NotYetApplicable, PoisonMessage, RetryLater, retryDelayOf, RetrySettings, RetryState } from './consumer-policy';

/** A PostgreSQL error as TypeORM raises it: a QueryFailedError whose driverError carries the SQLSTATE. */
const pg = (code: string, message = `error ${code}`) => Object.assign(new Error(message), { name: 'QueryFailedError', driverError: { code, message } });

const settings: RetrySettings = { retryInitialMs: 100, retryMaxMs: 2000, maxAttempts: 3, notYetApplicableMaxMs: 60_000 };

describe('consumer policy: classifyFailure (issue 11)', () => {
  it.each([
    ['40001 serialization failure', pg('40001')],
    ['40P01 deadlock', pg('40P01')],
    ['57P01 admin shutdown', pg('57P01')],
    ['08006 connection failure', pg('08006')],
    ['08001 cannot connect', Object.assign(new Error('x'), { code: '08001' })],
    ['53300 too many connections', pg('53300')],
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['ECONNRESET inside driverError', Object.assign(new Error('read'), { driverError: { code: 'ECONNRESET' } })],
    ['a lost connection (pg says it in words)', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot hand out a connection', new Error('timeout exceeded when trying to connect')],
    ['a broker error', Object.assign(new Error('broker away'), { name: 'KafkaJSNumberOfRetriesExceeded' })],
  ])('issue-11.3 %s is transient: retried, never counted', (_label, err) => {
    expect(classifyFailure(err).kind).toBe('transient');
  });

  it.each([
    ['a business refusal (422)', new BusinessRuleProblem('credit limit exceeded')],
    ['a conflict (409)', new ConflictProblem('already concluded')],
    ['a bad request (400)', new BadRequestException('no')],
    ['a schema violation (zod)', (() => z.object({ a: z.string() }).safeParse({ a: 1 }).error)()],
    ['a data exception (22P02)', pg('22P02')],
    ['a unique violation (23505)', pg('23505')],
    ['a handler that says so', new PoisonMessage('unknown product code')],
  ])('issue-11.3 %s is poison: dead-lettered at once', (_label, err) => {
    expect(classifyFailure(err).kind).toBe('poison');
  });

  it('issue-11.3 NotYetApplicable waits; an unknown error is failing; a database that does not answer makes anything transient', () => {
    expect(classifyFailure(new NotYetApplicable('order x has not reached finance yet'))).toEqual({ kind: 'not-yet-applicable', reason: 'order x has not reached finance yet' });
    expect(classifyFailure(new TypeError('cannot read properties of undefined')).kind).toBe('failing');
    expect(classifyFailure(new TypeError('cannot read properties of undefined'), { databaseReachable: false }).kind).toBe('transient');
    expect(classifyFailure(new BusinessRuleProblem('refused'), { databaseReachable: true }).kind).toBe('poison');
    expect(classifyFailure('a string thrown').kind).toBe('failing');
  });

  it('issue-11.3 the reason names the SQLSTATE', () => {
    expect(classifyFailure(pg('40P01', 'deadlock detected')).reason).toBe('PostgreSQL 40P01: deadlock detected');
  });
});

describe('consumer policy: decideRetry (issue 11)', () => {
  const run = (failure: Parameters<typeof decideRetry>[0], times: number, clock: (i: number) => number = () => 0) => {
    let state: RetryState = NO_FAILURES;
    const decisions = [];
    for (let i = 0; i < times; i += 1) {
      const d = decideRetry(failure, state, clock(i), settings);
      decisions.push(d);
      if (d.action === 'dead-letter') break;
      state = d.state;
    }
    return decisions;
  };

  it('issue-11.3 a transient failure is retried with exponential backoff up to the cap, and never dead-lettered', () => {
    const decisions = run({ kind: 'transient', reason: 'PostgreSQL 40001' }, 50);
    expect(decisions).toHaveLength(50);
    expect(decisions.every((d) => d.action === 'retry')).toBe(true);
    expect(decisions.slice(0, 6).map((d) => (d.action === 'retry' ? d.delayMs : -1))).toEqual([100, 200, 400, 800, 1600, 2000]);
    const last = decisions.at(-1);
    expect(last?.action === 'retry' && last.state).toEqual({ failures: 50, counted: 0, waitingSince: null });
  });

  it('issue-11.3 poison is dead-lettered on the first failure with its reason', () => {
    expect(decideRetry({ kind: 'poison', reason: 'refused (422): credit limit exceeded' }, NO_FAILURES, 0, settings)).toEqual({
      action: 'dead-letter',
      reason: 'refused (422): credit limit exceeded',
    });
  });

  it('issue-11.3 a failing handler is dead-lettered after CONSUMER_MAX_ATTEMPTS counted tries; transient ones in between do not count', () => {
    let state: RetryState = NO_FAILURES;
    const failing = { kind: 'failing' as const, reason: 'TypeError' };
    for (const failure of [failing, { kind: 'transient' as const, reason: 'deadlock' }, { kind: 'transient' as const, reason: 'deadlock' }, failing]) {
      const d = decideRetry(failure, state, 0, settings);
      if (d.action !== 'retry') throw new Error('should retry');
      state = d.state;
    }
    expect(state).toMatchObject({ failures: 4, counted: 2 });
    expect(decideRetry(failing, state, 0, settings)).toEqual({ action: 'dead-letter', reason: 'handler failed 3 times: TypeError' });
  });

  it('issue-11.3 NotYetApplicable waits a bounded time, never past the limit, then is dead-lettered saying what it waited for', () => {
    const nya = { kind: 'not-yet-applicable' as const, reason: 'order x has not reached finance yet' };
    // Tries every 10 s from t=0: the first waits since 0; by 60 s it has waited the limit.
    const decisions = run(nya, 20, (i) => i * 10_000);
    expect(decisions.slice(0, -1).every((d) => d.action === 'retry')).toBe(true);
    expect(decisions).toHaveLength(7);
    expect(decisions.at(-1)).toEqual({
      action: 'dead-letter',
      reason: 'not yet applicable after waiting 60 s (limit 60 s): order x has not reached finance yet',
    });
    // Close to the limit the wait is cut so that the last try comes when it is reached.
    const near = decideRetry(nya, { failures: 10, counted: 0, waitingSince: 0 }, 59_950, settings);
    expect(near).toMatchObject({ action: 'retry', delayMs: 50 });
  });

  it('issue-11.3 backoff doubles from the initial wait and stops at the cap', () => {
    expect([1, 2, 3, 10, 100].map((n) => backoffMs(n, settings))).toEqual([100, 200, 400, 2000, 2000]);
  });

  it('issue-11.3 a transport waits what RetryLater asks, and its own fallback for any other error', () => {
    expect(retryDelayOf(new RetryLater(750, 'deadlock'), 10)).toBe(750);
    expect(retryDelayOf(new Error('boom'), 10)).toBe(10);
  });
});
