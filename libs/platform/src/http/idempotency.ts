import {
  applyDecorators,
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { from, mergeMap, Observable, of } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { canonicalJson } from '../audit/canonical-json';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const WAIT_FOR_FIRST_MS = 30_000;

type Begin = { kind: 'proceed' } | { kind: 'replay'; status: number; body: unknown };

/** Where keys and first answers are kept: the owning service's database, per caller and route. */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the key, or answers with the first request's result. A second request that arrives while the
   * first is still running waits for it (two racing creates give one resource and the same answer).
   */
  async begin(scope: string, key: string, requestHash: string): Promise<Begin> {
    const claimed = await this.dataSource.query(
      `INSERT INTO idempotency_key (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [scope, key, requestHash],
    );
    if (claimed.length > 0) return { kind: 'proceed' };
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const [row] = await this.dataSource.query(
        `SELECT request_hash, status_code, response, completed_at FROM idempotency_key WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
      if (!row) return this.begin(scope, key, requestHash); // the first attempt failed and let the key go
      if (row.request_hash !== requestHash) {
        throw new UnprocessableEntityException({
          detail: 'Idempotency-Key was already used with a different request body',
          errors: [{ field: 'Idempotency-Key', message: 'reused with a different request' }],
        });
      }
      if (row.completed_at) return { kind: 'replay', status: row.status_code, body: row.response };
      if (Date.now() > deadline) throw new ConflictException({ detail: 'a request with this Idempotency-Key is still being processed' });
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET status_code = $3, response = $4, completed_at = now() WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** The request failed: nothing was created, so the key is free for a retry. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE scope = $1 AND key = $2 AND completed_at IS NULL`, [scope, key]);
  }
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) return next.handle();
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw new BadRequestException({
        detail: 'Idempotency-Key must be 1 to 200 visible ASCII characters',
        errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }],
      });
    }
    const route = (req.routeOptions?.url as string | undefined) ?? req.url;
    const scope = `${req.principal?.username ?? '-'} ${req.method} ${route}`;
    const requestHash = createHash('sha256').update(canonicalJson({ url: req.url, body: req.body ?? null })).digest('hex');
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return from(this.store.begin(scope, header, requestHash)).pipe(
      mergeMap((begin) => {
        if (begin.kind === 'replay') {
          void context.switchToHttp().getResponse<FastifyReply>().header('idempotent-replayed', 'true');
          return of(begin.body);
        }
        return next.handle().pipe(
          mergeMap(async (body) => {
            await this.store.complete(scope, header, status, body);
            return body;
          }),
          catchError(async (err: unknown) => {
            await this.store.release(scope, header);
            throw err;
          }),
        );
      }),
    );
  }
}

/** On a creating write: a repeat with the same `Idempotency-Key` returns the first result and creates nothing. */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a repeat with the same key returns the first result' }),
  );
