import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  NestInterceptor,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { ConflictProblem } from './problem-details';
import { PeriodicJob } from '../scheduling/periodic-job';
import {
  answerToStore,
  IDEMPOTENCY_HEADER,
  idempotencyScope,
  keyReusedProblem,
  parseIdempotencyKey,
  replayHeaders,
  requestFingerprint,
  StoredAnswer,
} from './idempotency-request';
import { withClaimTransaction } from './idempotency-transaction';

/** Whose key, which key, and what request it stands for. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  fingerprint: string;
}

export type IdempotentOutcome = { replayed: true; answer: StoredAnswer } | { replayed: false; answer: StoredAnswer; joined: boolean };

/** 409 while the first request with this key still runs: the client retries after `Retry-After` seconds. */
export class KeyInProgressProblem extends ConflictProblem {
  readonly retryAfterSeconds = 1;

  constructor() {
    super('a request with this Idempotency-Key is still in progress; retry after the time in Retry-After', {
      errors: [{ field: 'Idempotency-Key', message: 'in progress' }],
    });
  }
}

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Keys and first answers, in the owning service's table `idempotency_key` (issue 11 item 1).
 *
 * The claim is a row inserted in the request's own transaction, and the answer is written into it in that same
 * transaction just before commit, so the key, the effect and the answer commit together: a crash before commit
 * leaves nothing (PostgreSQL rolls back when the connection dies, and the retry runs afresh); a crash after
 * commit leaves the answer (the retry gets it). A repeat arriving while the first runs waits on the row's
 * uniqueness check (PostgreSQL's own lock, released at the first's commit or rollback) for at most
 * `IDEMPOTENCY_WAIT_MS`, then gets 409 with Retry-After.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  private get retentionSeconds(): number {
    return this.config.IDEMPOTENCY_RETENTION_HOURS * 3600;
  }

  /**
   * The stored answer for `claim`, or `work`'s answer after its effect and the stored answer committed in one
   * transaction (`work` runs with that transaction as the one `inTransaction` joins).
   */
  async execute(claim: IdempotencyClaim, work: (m: EntityManager) => Promise<StoredAnswer>): Promise<IdempotentOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      try {
        const stored = await this.claim(runner.manager, claim);
        if (stored) {
          await runner.rollbackTransaction();
          return { replayed: true, answer: stored };
        }
        const { result: answer, joined } = await withClaimTransaction(runner.manager, () => work(runner.manager));
        await runner.manager.query(
          `UPDATE idempotency_key SET status_code = $3, response = $4, response_headers = $5, completed_at = now() WHERE scope = $1 AND key = $2`,
          [claim.scope, claim.key, answer.status, JSON.stringify(answer.body), JSON.stringify(answer.headers)],
        );
        await runner.commitTransaction();
        return { replayed: false, answer, joined };
      } catch (err) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        if ((err as { driverError?: { code?: string } }).driverError?.code === LOCK_NOT_AVAILABLE) throw new KeyInProgressProblem();
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  /** Inserts the claim row (waiting, bounded, for a running first request), or returns the first answer. */
  private async claim(m: EntityManager, { scope, key, fingerprint }: IdempotencyClaim): Promise<StoredAnswer | undefined> {
    await m.query(`SELECT set_config('lock_timeout', $1, true)`, [`${this.config.IDEMPOTENCY_WAIT_MS}ms`]);
    // A key past its retention is a new request even before the prune job has deleted it.
    await m.query(`DELETE FROM idempotency_key WHERE scope = $1 AND key = $2 AND created_at < now() - make_interval(secs => $3)`, [
      scope,
      key,
      this.retentionSeconds,
    ]);
    const inserted = await m.query(
      `INSERT INTO idempotency_key (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [scope, key, fingerprint],
    );
    await m.query(`SET LOCAL lock_timeout TO DEFAULT`);
    if (inserted.length > 0) return undefined;
    const [row] = await m.query(`SELECT request_hash, status_code, response, response_headers, completed_at FROM idempotency_key WHERE scope = $1 AND key = $2`, [
      scope,
      key,
    ]);
    if (row.request_hash !== fingerprint) throw keyReusedProblem();
    // A claim without an answer can only be one made by a replica still running the version before issue 11.
    if (!row.completed_at) throw new KeyInProgressProblem();
    return { status: row.status_code, headers: row.response_headers ?? {}, body: row.response };
  }

  /** Deletes the keys older than the retention; returns how many. */
  async prune(): Promise<number> {
    const [, deleted] = await this.dataSource.query(`DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => $1)`, [this.retentionSeconds]);
    return typeof deleted === 'number' ? deleted : 0;
  }
}

/** Expired keys are deleted every `IDEMPOTENCY_PRUNE_EVERY_MS` (and at start). */
@Injectable()
export class IdempotencyPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(store: IdempotencyStore, @Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.job = new PeriodicJob('idempotency key prune', config.IDEMPOTENCY_PRUNE_EVERY_MS, () => store.prune());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private readonly warned = new Set<string>();

  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = parseIdempotencyKey(req.headers[IDEMPOTENCY_HEADER]);
    if (key === undefined) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const route = `${req.method} ${(req.routeOptions?.url as string | undefined) ?? req.url}`;
    const claim: IdempotencyClaim = { scope: idempotencyScope(req.principal), key, fingerprint: requestFingerprint(req) };
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    const work = async () => answerToStore(status, (name) => reply.getHeader(name), await lastValueFrom(next.handle(), { defaultValue: null }));
    return from(this.answer(claim, route, reply, work));
  }

  private async answer(claim: IdempotencyClaim, route: string, reply: FastifyReply, work: () => Promise<StoredAnswer>): Promise<unknown> {
    let outcome: IdempotentOutcome;
    try {
      outcome = await this.store.execute(claim, work);
    } catch (err) {
      if (err instanceof KeyInProgressProblem) void reply.header('retry-after', String(err.retryAfterSeconds));
      throw err;
    }
    if (outcome.replayed) {
      void reply.headers(replayHeaders(outcome.answer));
      return outcome.answer.body;
    }
    if (!outcome.joined && !this.warned.has(route)) {
      this.warned.add(route);
      this.logger.warn(`${route} is @Idempotent() but its use case did not run in inTransaction(): its effect commits apart from its key`);
    }
    if (this.config.TEST_DIE_AFTER_IDEMPOTENT_COMMIT === route && this.config.NODE_ENV !== 'production') {
      // The test hook of issue 11 item 8: committed, not answered, as if the machine had died.
      process.kill(process.pid, 'SIGKILL');
    }
    return outcome.answer.body;
  }
}

/**
 * On a creating write: a repeat with the same `Idempotency-Key` (same principal, method, path and body) gets the
 * first answer again (status, body, ETag, Location, Content-Type, plus `Idempotent-Replayed: true`) and creates
 * nothing; the same key with another request is 422. The use case must write through `inTransaction()`.
 */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'a repeat with the same key returns the first answer and creates nothing (a key is kept 24 hours by default)',
    }),
  );
