import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@opm/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { requestContext } from '../observability/request-context';
import { AuditProblem, checkpointValid, GENESIS_HASH, headProblems, linkProblems } from './audit-chain';
import { AUDIT_HASH_SQL, AuditSealer, CheckpointRow, toCheckpoint } from './audit-sealer';
import type { AuditEntry, ChainVerification } from './audit.views';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  orderId?: string | null;
  /** Why: the comment, reason or decision text the actor gave. */
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

interface AuditRow {
  position: string;
  id: string;
  occurred_at: Date;
  service: string;
  actor: Actor;
  action: string;
  entity_type: string;
  entity_id: string;
  order_id: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  correlation_id: string | null;
  prev_hash: string;
  hash: string;
}

/** What verification reads of a link that may be broken (only those come back from the database). */
interface LinkRow {
  position: string;
  id: string;
  hash: string;
  prev_hash: string;
  computed?: string;
  before_position: string | null;
  before_hash: string | null;
}

function fromRow(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    seq: Number(r.position),
    occurredAt: r.occurred_at.toISOString(),
    service: r.service,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    orderId: r.order_id,
    reason: r.reason,
    before: r.before,
    after: r.after,
    correlationId: r.correlation_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Problems listed by one verification at most (the first ones in chain order). */
const MAX_PROBLEMS = 100;

/**
 * Append-only audit trail of who did what, when and why, with before/after (N4). An entry is written by the
 * caller's transaction (so it exists exactly when the change does) as a plain insert: no lock, no read of the
 * chain, so audited transactions run side by side. `AuditSealer` chains the committed entries afterwards and
 * signs checkpoints of the head, so altering, removing or reordering a row, or cutting the chain's end, shows
 * in verification.
 */
@Injectable()
export class AuditLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly sealer: AuditSealer,
  ) {}

  /** Appends an entry in the transaction that makes the change; it may be called anywhere in it (it takes no lock). */
  async record(manager: EntityManager, record: AuditRecord): Promise<{ id: string }> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`AuditLog.record(${record.action}) must run inside the transaction that makes the change`);
    }
    const ctx = requestContext.get();
    const id = randomUUID();
    const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
    await manager.query(
      `INSERT INTO audit_entry (id, occurred_at, service, actor, action, entity_type, entity_id, order_id, reason, before, after, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        id,
        new Date(),
        this.config.SERVICE_NAME,
        JSON.stringify(ctx?.actor ?? { username: `system:${this.config.SERVICE_NAME}` }),
        record.action,
        record.entityType,
        record.entityId,
        record.orderId ?? null,
        record.reason ?? null,
        json(record.before),
        json(record.after),
        ctx?.correlationId ?? null,
      ],
    );
    return { id };
  }

  /** The order's entries in chain order; what was committed before the call is sealed first, so it is listed. */
  async forOrder(orderId: string): Promise<AuditEntry[]> {
    await this.sealer.seal();
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT * FROM audit_entry WHERE order_id = $1 AND position IS NOT NULL ORDER BY position`,
      [orderId],
    );
    return rows.map(fromRow);
  }

  /**
   * Seals what is committed, then checks the whole chain inside PostgreSQL (each hash recomputed from the
   * stored content, its position and its predecessor's hash; positions without gaps; each link to the hash
   * before it), and its end against the newest validly signed checkpoint. Only broken links leave the database.
   */
  async verify(): Promise<ChainVerification> {
    await this.sealer.seal();
    const query = (sql: string, params?: unknown[]) => this.dataSource.query(sql, params);
    // Content: every hash recomputed. No ORDER BY: a plain scan PostgreSQL runs in parallel workers (an index
    // scan in position order was 2.5 times slower); the few rows found are put in order here.
    const edited: { position: string; id: string; hash: string; prev_hash: string; computed: string }[] = (
      await query(`SELECT e.position, e.id, e.hash, e.prev_hash, ${AUDIT_HASH_SQL} AS computed FROM audit_entry e WHERE e.position IS NOT NULL AND ${AUDIT_HASH_SQL} <> e.hash`)
    )
      .sort((a: { position: string }, b: { position: string }) => Number(a.position) - Number(b.position))
      .slice(0, MAX_PROBLEMS);
    // Links: positions without gaps, each prev_hash the hash before it (the index alone, in position order).
    const broken: LinkRow[] = await query(
      `WITH c AS (
         SELECT e.position, e.id, e.hash, e.prev_hash, lag(e.position) OVER w AS before_position, lag(e.hash) OVER w AS before_hash
           FROM audit_entry e WHERE e.position IS NOT NULL
         WINDOW w AS (ORDER BY e.position))
       SELECT * FROM c WHERE position <> COALESCE(before_position, 0) + 1 OR prev_hash <> COALESCE(before_hash, $1)
        ORDER BY position LIMIT $2`,
      [GENESIS_HASH, MAX_PROBLEMS],
    );
    const links = new Map<string, LinkRow>();
    // An edited entry whose link holds sits right after the entry its prev_hash names.
    for (const e of edited) links.set(e.position, { ...e, before_position: String(Number(e.position) - 1), before_hash: e.prev_hash });
    for (const l of broken) links.set(l.position, { ...l, computed: links.get(l.position)?.computed ?? l.hash });
    const ordered = [...links.values()].sort((a, b) => Number(a.position) - Number(b.position));
    const [counts] = await query(
      `SELECT count(*) FILTER (WHERE position IS NOT NULL)::int AS sealed, count(*) FILTER (WHERE position IS NULL)::int AS unsealed FROM audit_entry`,
    );
    const [head] = (await query(`SELECT position, hash FROM audit_entry WHERE position IS NOT NULL ORDER BY position DESC LIMIT 1`)) as { position: string; hash: string }[];
    const headLink = head ? { position: Number(head.position), hash: head.hash } : null;

    let firstBroken: ChainVerification['firstBroken'] = null;
    const problems: AuditProblem[] = ordered.flatMap((l) => {
      const found = linkProblems({
        position: Number(l.position),
        id: l.id,
        hash: l.hash,
        prevHash: l.prev_hash,
        computed: l.computed ?? l.hash,
        before: l.before_position === null ? null : { position: Number(l.before_position), hash: l.before_hash as string },
      });
      // The first entry that does not match: after a gap, the entry that follows it.
      firstBroken ??= found.length ? { seq: Number(l.position), id: l.id, problem: found[0].problem } : null;
      return found;
    });
    // Checkpoints newer than the newest valid one carry a signature that does not hold: forged or altered.
    const recent = ((await query(`SELECT position, hash, sealed_at, mac FROM audit_checkpoint ORDER BY position DESC LIMIT 20`)) as CheckpointRow[]).map(toCheckpoint);
    const validAt = recent.findIndex((cp) => checkpointValid(this.config.AUDIT_CHECKPOINT_KEY, this.config.SERVICE_NAME, cp));
    for (const forged of validAt < 0 ? recent : recent.slice(0, validAt)) {
      problems.push({ kind: 'checkpoint', seq: forged.position, id: null, problem: `checkpoint ${forged.position}: its signature does not hold (forged or altered)` });
    }
    const checkpoint = validAt < 0 ? await this.sealer.newestValidCheckpoint(query, 1000) : recent[validAt];
    const [atCheckpoint] = checkpoint
      ? ((await query(`SELECT id, hash FROM audit_entry WHERE position = $1`, [checkpoint.position])) as { id: string; hash: string }[])
      : [];
    const atEnd = headProblems(headLink, atCheckpoint ?? null, checkpoint);
    problems.push(...atEnd);
    problems.sort((a, b) => a.seq - b.seq);
    const rewritten = atEnd.find((p) => p.id !== null);
    firstBroken ??= rewritten ? { seq: rewritten.seq, id: rewritten.id as string, problem: rewritten.problem } : null;
    return {
      service: this.config.SERVICE_NAME,
      ok: problems.length === 0,
      entries: counts.sealed,
      unsealed: counts.unsealed,
      head: head ? { seq: Number(head.position), hash: head.hash } : null,
      checkpoint: checkpoint ? { seq: checkpoint.position, hash: checkpoint.hash, sealedAt: checkpoint.sealedAt } : null,
      firstBroken,
      problems: problems.slice(0, MAX_PROBLEMS),
    };
  }
}
