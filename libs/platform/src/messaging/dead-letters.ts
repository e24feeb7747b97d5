import { BadRequestException, Controller, Get, HttpCode, Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Param, ParseIntPipe, Post, Query, Type } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Department } from '@opm/contracts';
import { AuditLog } from '../audit/audit-log';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { AccessRule, Principal } from '../auth/principal';
import { ProcessName, SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { ApiAnswers, apiView, type ViewOf } from '../http/api-docs';
import { Page, PageQuery } from '../http/page';
import { BusinessRuleProblem, NotFoundProblem } from '../http/problem-details';
import { PeriodicJob } from '../scheduling/periodic-job';
import { Outbox } from './outbox';

/** The department whose head may list and replay a service's dead letters (besides a MANAGEMENT leader). */
const OWNING_DEPARTMENT: Record<ProcessName, Department> = {
  gateway: 'MANAGEMENT',
  sales: 'SALES',
  production: 'PRODUCTION',
  purchasing: 'PURCHASING',
  quality: 'QUALITY',
  finance: 'FINANCE',
  logistics: 'LOGISTICS',
};

/** Who may see and replay a service's dead letters: the head of the department that runs it, or a MANAGEMENT leader. */
export function deadLetterOperators(service: ProcessName): AccessRule[] {
  return [`${OWNING_DEPARTMENT[service]}:HEAD`, 'MANAGEMENT:LEADER'];
}

export const DEAD_LETTER_KINDS = ['poison', 'not-yet-applicable', 'failing', 'transient'] as const;

/** One message a consumer of this service gave up on (issue 11), as an operator sees it before replaying it. */
export const DeadLetterView = apiView(
  'DeadLetter',
  z.object({
    id: z.number().int().positive(),
    consumer: z.string().describe('the consumer (inbox name) that gave up, such as `production.review-tasks`'),
    topic: z.string().describe('the topic the message came from; a replay publishes it there again'),
    partition: z.number().int().nonnegative(),
    offset: z.string().describe('its offset in that partition (a decimal string: Kafka offsets are 64-bit)'),
    key: z.string().nullable(),
    value: z.string().nullable().describe('the message as it was consumed (normally the event envelope as JSON)'),
    kind: z.enum(DEAD_LETTER_KINDS).describe('poison: unreadable or refused; not-yet-applicable: waited too long for what it builds on; failing: the handler kept failing'),
    error: z.string().describe('why it was dead-lettered'),
    createdAt: z.iso.datetime({ offset: true }),
    replayCount: z.number().int().nonnegative().describe('how often an operator replayed it; the inbox applies it at most once'),
    replayedAt: z.iso.datetime({ offset: true }).nullable(),
    replayedBy: z.string().nullable(),
  }),
);
export type DeadLetterView = ViewOf<typeof DeadLetterView>;

interface DeadLetterRow {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  message_key: string | null;
  value: string | null;
  kind: string;
  error: string;
  created_at: Date;
  replay_count: number;
  replayed_at: Date | null;
  replayed_by: string | null;
}

const toView = (r: DeadLetterRow): DeadLetterView => ({
  id: Number(r.id),
  consumer: r.consumer,
  topic: r.topic,
  partition: r.partition,
  offset: String(r.offset),
  key: r.message_key,
  value: r.value,
  kind: (DEAD_LETTER_KINDS as readonly string[]).includes(r.kind) ? (r.kind as DeadLetterView['kind']) : 'failing',
  error: r.error,
  createdAt: r.created_at.toISOString(),
  replayCount: r.replay_count,
  replayedAt: r.replayed_at?.toISOString() ?? null,
  replayedBy: r.replayed_by,
});

export class ListDeadLettersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'replayed'], description: 'pending: never replayed; replayed: replayed at least once' })
  @IsOptional()
  @IsIn(['pending', 'replayed'])
  status?: 'pending' | 'replayed';

  @ApiPropertyOptional({ description: 'only this consumer' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  consumer?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The order a dead letter concerns, read from its envelope, for the audit entry (null when it names none). */
function orderIdOf(value: unknown): string | null {
  const orderId = (value as { orderId?: unknown } | null)?.orderId;
  return typeof orderId === 'string' && UUID.test(orderId) ? orderId : null;
}

/**
 * Dead letters for operators (issue 11): listed newest first, and replayed by publishing the original message to
 * its topic again through the outbox, in one transaction with the record of who replayed it and an audit entry. The
 * consumer then handles it through the inbox as any message, so a replay applies it at most once however often
 * it is replayed; a replay that fails again makes a new dead letter.
 */
@Injectable()
export class DeadLetters {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  async list(query: { page: number; pageSize: number; status?: 'pending' | 'replayed'; consumer?: string }): Promise<Page<DeadLetterView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) where.push(query.status === 'pending' ? 'replay_count = 0' : 'replay_count > 0');
    if (query.consumer !== undefined) {
      params.push(query.consumer);
      where.push(`consumer = $${params.length}`);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM dead_letter ${filter}`, params);
    const rows: DeadLetterRow[] = await this.dataSource.query(
      `SELECT * FROM dead_letter ${filter} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  async replay(id: number, principal: Principal): Promise<DeadLetterView> {
    return this.dataSource.transaction(async (m) => {
      const [row]: DeadLetterRow[] = await m.query(`SELECT * FROM dead_letter WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw new NotFoundProblem(`no dead letter ${id} in this service`);
      const value = this.replayable(row);
      await this.outbox.republish(m, { topic: row.topic, key: row.message_key as string, value });
      const before = toView(row);
      // An UPDATE through TypeORM answers [rows, affected].
      const [[updated]]: [DeadLetterRow[], number] = await m.query(
        `UPDATE dead_letter SET replay_count = replay_count + 1, replayed_at = now(), replayed_by = $2 WHERE id = $1 RETURNING *`,
        [id, principal.username],
      );
      const after = toView(updated);
      await this.record(m, row, value, before, after);
      return after;
    });
  }

  /** The message as JSON, or a 422 saying why replaying it cannot succeed. */
  private replayable(row: DeadLetterRow): unknown {
    if (row.message_key === null) throw new BusinessRuleProblem(`dead letter ${row.id} has no key: its partition cannot be chosen, so it cannot be replayed`);
    try {
      return JSON.parse(row.value ?? '');
    } catch {
      throw new BusinessRuleProblem(`dead letter ${row.id} is not JSON: no consumer can ever apply it, so it is not replayed`);
    }
  }

  private async record(m: EntityManager, row: DeadLetterRow, value: unknown, before: DeadLetterView, after: DeadLetterView): Promise<void> {
    await this.audit.record(m, {
      action: 'dead-letter.replayed',
      entityType: 'dead-letter',
      entityId: String(row.id),
      orderId: orderIdOf(value),
      reason: `${row.consumer}: ${row.topic}@${row.partition}:${row.offset} replayed (${row.kind}: ${row.error})`.slice(0, 2000),
      before: { ...before, value: undefined },
      after: { ...after, value: undefined },
    });
  }

  /** Inbox rows and dead letters past their retention, a batch at a time; returns how many rows went. */
  async prune(inboxDays: number, deadLetterDays: number, batch = 5000): Promise<number> {
    let removed = 0;
    for (const [table, column, days] of [
      ['inbox', 'processed_at', inboxDays],
      ['dead_letter', 'created_at', deadLetterDays],
    ] as const) {
      for (;;) {
        const result: [unknown[], number] = await this.dataSource.query(
          `DELETE FROM ${table} WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${table} WHERE ${column} < now() - make_interval(days => $1) LIMIT $2))`,
          [days, batch],
        );
        const n = Array.isArray(result) ? Number(result[1] ?? 0) : 0;
        removed += n;
        if (n < batch) break;
      }
    }
    return removed;
  }
}

/** Prunes inbox and dead-letter rows by retention (INBOX_RETENTION_DAYS, DEAD_LETTER_RETENTION_DAYS), at start and periodically. */
@Injectable()
export class MessagingRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(deadLetters: DeadLetters, @Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.job = new PeriodicJob('messaging retention', config.MESSAGING_PRUNE_EVERY_MS, () =>
      deadLetters.prune(config.INBOX_RETENTION_DAYS, config.DEAD_LETTER_RETENTION_DAYS),
    );
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}

const deadLetterId = new ParseIntPipe({
  exceptionFactory: () => new BadRequestException({ detail: 'id must be a dead letter id (a positive integer)', errors: [{ field: 'id', message: 'id must be a positive integer' }] }),
});

/**
 * `/<service>/dead-letters`: each service serves its own under its name, so the gateway routes each one to its
 * service from the OpenAPI documents (a path all services declared alike would reach only the first).
 */
export function deadLettersController(service: ProcessName): Type {
  const operators = deadLetterOperators(service);
  const who = `${OWNING_DEPARTMENT[service]} HEAD or MANAGEMENT LEADER`;

  @ApiTags('dead letters')
  @Controller(`${service}/dead-letters`)
  class DeadLettersController {
    constructor(private readonly deadLetters: DeadLetters) {}

    @Get()
    @Allow(...operators)
    @ApiOperation({ summary: `The messages ${service}'s consumers dead-lettered, newest first (issue 11); ${who}` })
    @ApiAnswers(DeadLetterView, { page: true, errors: [400, 403], description: 'a page of dead letters, newest first' })
    list(@Query() query: ListDeadLettersQuery): Promise<Page<DeadLetterView>> {
      return this.deadLetters.list(query);
    }

    @Post(':id/replay')
    @HttpCode(202)
    @Allow(...operators)
    @ApiOperation({
      summary: `Replays a dead letter of ${service}: published to its topic again and applied through the inbox, at most once however often replayed; audited (issue 11); ${who}`,
    })
    @ApiParam({ name: 'id', schema: { type: 'integer', minimum: 1 } })
    @ApiAnswers(DeadLetterView, {
      status: 202,
      errors: [400, 403, 404, 422],
      description: 'accepted: the message is on its way to the consumer again (422: not JSON or no key, it cannot be replayed)',
    })
    replay(@Param('id', deadLetterId) id: number, @CurrentPrincipal() principal: Principal): Promise<DeadLetterView> {
      if (id < 1) throw new BadRequestException({ detail: 'id must be a positive integer', errors: [{ field: 'id', message: 'id must be a positive integer' }] });
      return this.deadLetters.replay(id, principal);
    }
  }
  return DeadLettersController;
}
