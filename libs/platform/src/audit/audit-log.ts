import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@opm/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { requestContext } from '../observability/request-context';
import { canonicalJson } from './canonical-json';
import type { AuditEntry, ChainVerification } from './audit.views';

export const GENESIS_HASH = '0'.repeat(64);

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
  seq: string;
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

/** The hashed content of an entry: everything but its own hash and its sequence number. */
function entryHash(e: Omit<AuditEntry, 'hash' | 'seq'>): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        id: e.id,
        occurredAt: e.occurredAt,
        service: e.service,
        actor: e.actor,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        orderId: e.orderId,
        reason: e.reason,
        before: e.before,
        after: e.after,
        correlationId: e.correlationId,
        prevHash: e.prevHash,
      }),
    )
    .digest('hex');
}

function fromRow(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    seq: Number(r.seq),
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

/**
 * Append-only audit trail of who did what, when and why, with before/after (N4). Written by the caller's
 * transaction (so an entry exists exactly when the change does) and hash-chained: each entry's hash covers
 * the previous one's, so altering, removing or reordering a row breaks verification at that row.
 */
@Injectable()
export class AuditLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /**
   * Call it last in the transaction, after every row lock the change takes: it holds the chain lock until
   * commit, so a row lock taken after it can deadlock with a transaction that holds that row and audits.
   */
  async record(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`AuditLog.record(${record.action}) must run inside the transaction that makes the change`);
    }
    // One writer at a time extends the chain; the lock is held until this transaction ends.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('opm.audit.chain'))`);
    const [last] = await manager.query(`SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1`);
    const ctx = requestContext.get();
    const entry: Omit<AuditEntry, 'hash' | 'seq'> = {
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
      service: this.config.SERVICE_NAME,
      actor: ctx?.actor ?? { username: `system:${this.config.SERVICE_NAME}` },
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      orderId: record.orderId ?? null,
      reason: record.reason ?? null,
      // Stored as JSON; a round trip through JSON makes what is hashed equal what is read back.
      before: record.before === undefined ? null : JSON.parse(JSON.stringify(record.before)),
      after: record.after === undefined ? null : JSON.parse(JSON.stringify(record.after)),
      correlationId: ctx?.correlationId ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const hash = entryHash(entry);
    const [{ seq }] = await manager.query(
      `INSERT INTO audit_entry (id, occurred_at, service, actor, action, entity_type, entity_id, order_id, reason, before, after, correlation_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING seq`,
      [
        entry.id,
        entry.occurredAt,
        entry.service,
        JSON.stringify(entry.actor),
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.orderId,
        entry.reason,
        entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === null ? null : JSON.stringify(entry.after),
        entry.correlationId,
        entry.prevHash,
        hash,
      ],
    );
    return { ...entry, seq: Number(seq), hash };
  }

  async forOrder(orderId: string): Promise<AuditEntry[]> {
    const rows: AuditRow[] = await this.dataSource.query(`SELECT * FROM audit_entry WHERE order_id = $1 ORDER BY seq`, [orderId]);
    return rows.map(fromRow);
  }

  /** Walks the whole chain in order and names the first entry that does not match. */
  async verify(batch = 1000): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let after = 0;
    let entries = 0;
    for (;;) {
      const rows: AuditRow[] = await this.dataSource.query(`SELECT * FROM audit_entry WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, batch]);
      for (const row of rows) {
        const e = fromRow(row);
        entries += 1;
        const problem =
          e.prevHash !== prevHash ? 'does not follow the entry before it (removed or reordered)' : entryHash(e) !== e.hash ? 'content altered' : null;
        if (problem) return { service: this.config.SERVICE_NAME, ok: false, entries, firstBroken: { seq: e.seq, id: e.id, problem } };
        prevHash = e.hash;
        after = e.seq;
      }
      if (rows.length < batch) return { service: this.config.SERVICE_NAME, ok: true, entries, firstBroken: null };
    }
  }
}
