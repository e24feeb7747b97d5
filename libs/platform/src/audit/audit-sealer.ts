import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { PeriodicJob } from '../scheduling/periodic-job';
import { chainHash, Checkpoint, checkpointMac, checkpointValid, GENESIS_HASH } from './audit-chain';

/**
 * The canonical content of an entry (alias `e`), as PostgreSQL renders it: a JSON array of its fields in a fixed
 * order, each field as JSON text (a jsonb value's text has its keys in one order and one spacing whatever order
 * they were written in; times in UTC). The sealer hashes this text and verification recomputes the hash from it
 * in SQL, so the one formula lives here (and in `chainHash`). Built by concatenation, not `jsonb_build_object`,
 * which copies every before/after value again and made verification six times slower.
 */
export const AUDIT_CONTENT_SQL = `('[' || to_json(e.id)::text
  || ',' || to_json(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
  || ',' || to_json(e.service)::text || ',' || e.actor::text || ',' || to_json(e.action)::text
  || ',' || to_json(e.entity_type)::text || ',' || to_json(e.entity_id)::text
  || ',' || COALESCE(to_json(e.order_id)::text, 'null') || ',' || COALESCE(to_json(e.reason)::text, 'null')
  || ',' || COALESCE(e.before::text, 'null') || ',' || COALESCE(e.after::text, 'null')
  || ',' || COALESCE(to_json(e.correlation_id)::text, 'null') || ']')`;

/** `chainHash` in SQL, over the stored content of entry `e`. */
export const AUDIT_HASH_SQL = `encode(sha256(convert_to(e.prev_hash || ':' || e.position::text || ':' || ${AUDIT_CONTENT_SQL}, 'UTF8')), 'hex')`;

/** The key only the sealer takes: one sealer per database, whichever process or replica it runs in. */
const SEALER_LOCK = `hashtext('opm.audit.sealer')`;

export interface CheckpointRow {
  position: string;
  hash: string;
  sealed_at: Date;
  mac: string;
}

export const toCheckpoint = (r: CheckpointRow): Checkpoint & { mac: string } => ({
  position: Number(r.position),
  hash: r.hash,
  sealedAt: r.sealed_at.toISOString(),
  mac: r.mac,
});

/**
 * Chains the audit entries after their transactions commit (issue 11). Writers only insert (no lock, no read
 * of the chain's head); the sealer, alone per database (an advisory lock only it takes), gives every
 * committed entry that has none the next position and its hash, in one transaction per batch, and signs a
 * checkpoint of the new head in the same transaction.
 *
 * Sequence numbers are taken at insert and may commit out of order (an entry with a lower `seq` can become
 * visible after a higher one was sealed). The chain's order is therefore not `seq` but `position`, handed out
 * by the sealer in the order it sees the entries committed: it picks every visible entry without a position,
 * never "those after the last sealed seq", so a late commit is chained at the next pass, not skipped.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    // Returns nothing to the job: a pass under load seals entries every time, not worth a log line each.
    this.job = new PeriodicJob('audit sealer', config.AUDIT_SEAL_INTERVAL_MS, async () => {
      await this.seal();
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /**
   * Seals every entry committed so far; returns how many. Waits for a sealer running elsewhere, so what was
   * committed before the call is sealed when it returns (readers call it before showing entries). Costs one
   * index probe and no transaction while every entry is sealed.
   */
  async seal(batch = 1000): Promise<number> {
    const [pending] = await this.dataSource.query(`SELECT 1 FROM audit_entry WHERE position IS NULL LIMIT 1`);
    if (!pending) return 0;
    let sealed = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock(${SEALER_LOCK})`);
        const head = await this.head(m.query.bind(m));
        const rows: { seq: string; content: string }[] = await m.query(
          `SELECT e.seq, ${AUDIT_CONTENT_SQL} AS content FROM audit_entry e WHERE e.position IS NULL ORDER BY e.seq LIMIT $1`,
          [batch],
        );
        if (rows.length === 0) return 0;
        let { position, hash } = head;
        const seqs: string[] = [];
        const positions: number[] = [];
        const prevHashes: string[] = [];
        const hashes: string[] = [];
        for (const r of rows) {
          const prev = hash;
          position += 1;
          hash = chainHash(prev, position, r.content);
          seqs.push(r.seq);
          positions.push(position);
          prevHashes.push(prev);
          hashes.push(hash);
        }
        const sealedAt = new Date();
        await m.query(
          `UPDATE audit_entry a SET position = s.position, prev_hash = s.prev_hash, hash = s.hash, sealed_at = $5
             FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS s(seq, position, prev_hash, hash)
            WHERE a.seq = s.seq`,
          [seqs, positions, prevHashes, hashes, sealedAt],
        );
        const cp: Checkpoint = { position, hash, sealedAt: sealedAt.toISOString() };
        await m.query(`INSERT INTO audit_checkpoint (position, hash, sealed_at, mac) VALUES ($1, $2, $3, $4)`, [
          cp.position,
          cp.hash,
          sealedAt,
          checkpointMac(this.config.AUDIT_CHECKPOINT_KEY, this.config.SERVICE_NAME, cp),
        ]);
        return rows.length;
      });
      sealed += n;
      if (n < batch) return sealed;
    }
  }

  /**
   * Where the chain goes on: its last sealed entry, or the newest signed checkpoint when that is further
   * (entries were removed from the end: the next entries then follow the checkpoint, and the gap stays visible).
   */
  private async head(query: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<{ position: number; hash: string }> {
    const [last] = (await query(`SELECT position, hash FROM audit_entry WHERE position IS NOT NULL ORDER BY position DESC LIMIT 1`)) as { position: string; hash: string }[];
    const cp = await this.newestValidCheckpoint(query);
    const fromEntries = last ? { position: Number(last.position), hash: last.hash } : { position: 0, hash: GENESIS_HASH };
    return cp && cp.position > fromEntries.position ? { position: cp.position, hash: cp.hash } : fromEntries;
  }

  /** The newest checkpoint whose signature holds (a forged one is skipped here and reported by verification). */
  async newestValidCheckpoint(query: (sql: string, params?: unknown[]) => Promise<unknown>, scan = 20): Promise<Checkpoint | null> {
    const rows = (await query(`SELECT position, hash, sealed_at, mac FROM audit_checkpoint ORDER BY position DESC LIMIT $1`, [scan])) as CheckpointRow[];
    const valid = rows.map(toCheckpoint).find((cp) => checkpointValid(this.config.AUDIT_CHECKPOINT_KEY, this.config.SERVICE_NAME, cp));
    return valid ? { position: valid.position, hash: valid.hash, sealedAt: valid.sealedAt } : null;
  }
}
