import { DataSource, EntityManager } from 'typeorm';
import { loadServiceConfig, ServiceConfig } from '../config/service-config';
import { recreateDatabase, typeOrmOptions } from '../persistence/database';
import { AuditLog } from './audit-log';
import { AUDIT_HASH_SQL, AuditSealer } from './audit-sealer';

const url = (process.env.TEST_INTEGRATION_DATABASE_URL_TEMPLATE ?? 'postgres://postgres@127.0.0.1:5432/opm_int_{name}').replace('{name}', 'audit_chain');

/** The audit trail's mechanism on the real PostgreSQL: the platform's migrations, one writer, one sealer per "replica". */
describe('audit trail (PostgreSQL)', () => {
  let db: DataSource;
  let config: ServiceConfig;
  let audit: AuditLog;
  let sealer: AuditSealer;

  beforeAll(async () => {
    await recreateDatabase(url);
    config = loadServiceConfig('finance', { DATABASE_URL: url, NODE_ENV: 'test' });
    const options = typeOrmOptions(config, [], []) as ConstructorParameters<typeof DataSource>[0];
    db = await new DataSource({ ...options, extra: { max: 30 } } as ConstructorParameters<typeof DataSource>[0]).initialize();
    await db.runMigrations({ transaction: 'each' });
    sealer = new AuditSealer(db, config);
    audit = new AuditLog(db, config, sealer);
  });
  afterAll(() => db?.destroy());

  /** An empty trail for each test (as the owner who switches the guards off). */
  beforeEach(async () => {
    await tampering(`TRUNCATE audit_entry, audit_checkpoint RESTART IDENTITY`);
  });

  async function tampering(sql: string, params: unknown[] = []): Promise<void> {
    await db.transaction(async (m) => {
      await m.query(`ALTER TABLE audit_entry DISABLE TRIGGER USER`);
      await m.query(`ALTER TABLE audit_checkpoint DISABLE TRIGGER USER`);
      await m.query(sql, params);
      await m.query(`ALTER TABLE audit_entry ENABLE TRIGGER USER`);
      await m.query(`ALTER TABLE audit_checkpoint ENABLE TRIGGER USER`);
    });
  }

  const entry = (m: EntityManager, n: number) => audit.record(m, { action: 'thing.changed', entityType: 'thing', entityId: `T-${n}`, reason: `change ${n}`, after: { n, lines: [{ b: 2, a: 1 }] } });

  async function appended(n: number): Promise<void> {
    for (let i = 1; i <= n; i += 1) await db.transaction((m) => entry(m, i));
  }

  const idAt = async (position: number): Promise<string> => (await db.query(`SELECT id FROM audit_entry WHERE position = $1`, [position]))[0].id;

  it('I11.2 an audited transaction does not wait for another one still open (no service-wide lock)', async () => {
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await entry(runner.manager, 1);
      // The first transaction is still open with its entry written; a second one appends and commits meanwhile.
      const second = db.transaction((m) => entry(m, 2));
      const outcome = await Promise.race([second.then(() => 'committed'), new Promise((r) => setTimeout(() => r('blocked'), 3000))]);
      expect(outcome).toBe('committed');
    } finally {
      await runner.commitTransaction();
      await runner.release();
    }
    expect((await audit.verify()).entries).toBe(2);
  });

  it('I11.2 concurrent writers and two sealers (two replicas) make one valid chain; a late commit with a lower seq is chained, not skipped', async () => {
    const other = new AuditSealer(db, config);
    let writing = true;
    const sealing = [sealer, other].map(async (s) => {
      while (writing) {
        await s.seal(7);
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    // The oldest insert commits last: its seq is the lowest, its transaction the last to become visible.
    const slow = db.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    await audit.record(slow.manager, { action: 'thing.changed', entityType: 'thing', entityId: 'SLOW' });
    await Promise.all(
      Array.from({ length: 12 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 10; i += 1) {
            await db.transaction(async (m) => {
              await entry(m, w * 100 + i);
              await new Promise((r) => setTimeout(r, Math.random() * 10));
            });
          }
        })(),
      ),
    );
    await sealer.seal();
    await slow.commitTransaction();
    await slow.release();
    writing = false;
    await Promise.all(sealing);
    const verified = await audit.verify();
    expect(verified).toMatchObject({ ok: true, entries: 121, unsealed: 0, firstBroken: null, problems: [] });
    expect(verified.checkpoint).toEqual(expect.objectContaining({ seq: 121, hash: verified.head?.hash }));
    const positions: { position: string; seq: string; entity_id: string }[] = await db.query(`SELECT position, seq, entity_id FROM audit_entry ORDER BY position`);
    expect(positions.map((p) => Number(p.position))).toEqual(Array.from({ length: 121 }, (_, i) => i + 1));
    // The slow entry has the lowest seq and was chained last, after every entry with a higher seq.
    expect(positions[120]).toMatchObject({ entity_id: 'SLOW', seq: '1' });
  });

  it('I11.2 the trail refuses changes: only the sealing of an unsealed entry passes, once', async () => {
    await db.transaction((m) => entry(m, 1));
    const [{ seq }] = await db.query(`SELECT seq FROM audit_entry`);
    await expect(db.query(`UPDATE audit_entry SET reason = 'x', position = 1, prev_hash = 'a', hash = 'b' WHERE seq = $1`, [seq])).rejects.toThrow('append-only');
    await sealer.seal();
    await expect(db.query(`UPDATE audit_entry SET position = 5, prev_hash = 'a', hash = 'b' WHERE seq = $1`, [seq])).rejects.toThrow('append-only');
    await expect(db.query(`DELETE FROM audit_entry`)).rejects.toThrow('append-only');
    await expect(db.query(`TRUNCATE audit_entry`)).rejects.toThrow('append-only');
    await expect(db.query(`DELETE FROM audit_checkpoint`)).rejects.toThrow('append-only');
    expect((await audit.verify()).ok).toBe(true);
  });

  it('I11.2 an edited entry is reported as edited and named', async () => {
    await appended(5);
    await sealer.seal();
    const id = await idAt(3);
    await tampering(`UPDATE audit_entry SET after = '{"n": 99}' WHERE id = $1`, [id]);
    const v = await audit.verify();
    expect(v).toMatchObject({ ok: false, entries: 5, firstBroken: { seq: 3, id, problem: 'content altered' } });
    expect(v.problems).toEqual([{ kind: 'edited', seq: 3, id, problem: 'content altered' }]);
  });

  it('I11.2 a deleted middle entry is reported as deleted, before the entry that follows the gap', async () => {
    await appended(5);
    await sealer.seal();
    const next = await idAt(4);
    await tampering(`DELETE FROM audit_entry WHERE position = 3`);
    const v = await audit.verify();
    expect(v).toMatchObject({ ok: false, entries: 4, firstBroken: { seq: 4, id: next, problem: 'entry 3 was deleted' } });
    expect(v.problems).toEqual([{ kind: 'deleted', seq: 3, id: null, problem: 'entry 3 was deleted' }]);
  });

  it('I11.2 a truncated tail is reported from the signed checkpoint; the chain goes on after it and the gap stays visible', async () => {
    await appended(6);
    await sealer.seal();
    await tampering(`DELETE FROM audit_entry WHERE position > 4`);
    const cut = await audit.verify();
    expect(cut).toMatchObject({ ok: false, entries: 4, head: { seq: 4 }, checkpoint: { seq: 6 }, firstBroken: null });
    expect(cut.problems).toEqual([expect.objectContaining({ kind: 'truncated', seq: 5, id: null, problem: expect.stringContaining('entries 5-6 were removed from the end') })]);
    // New entries follow the checkpoint: positions 5 and 6 stay missing.
    await appended(1);
    const later = await audit.verify();
    expect(later.head?.seq).toBe(7);
    expect(later.problems).toEqual([expect.objectContaining({ kind: 'deleted', seq: 5, problem: 'entries 5-6 were deleted' })]);
  });

  it('I11.2 a checkpoint whose signature does not hold is reported, and the end is judged by the last good one', async () => {
    await appended(3);
    await sealer.seal();
    await tampering(`DELETE FROM audit_entry WHERE position = 3`);
    // A forged checkpoint claiming the chain ends at 2 (the owner has no key, so the signature is wrong).
    await tampering(`INSERT INTO audit_checkpoint (position, hash, sealed_at, mac) SELECT 7, hash, now(), repeat('0', 64) FROM audit_entry WHERE position = 2`);
    const v = await audit.verify();
    expect(v.ok).toBe(false);
    expect(v.checkpoint?.seq).toBe(3);
    expect(v.problems.map((p) => p.kind).sort()).toEqual(['checkpoint', 'truncated']);
  });

  it('I11.2 a chain re-sealed from scratch after an edit does not match the signed checkpoint', async () => {
    await appended(3);
    await sealer.seal();
    const id = await idAt(2);
    // The owner edits entry 2 and recomputes every link after it (the formula is no secret); only the key is.
    await tampering(`UPDATE audit_entry SET reason = 'rewritten' WHERE id = $1`, [id]);
    await tampering(`UPDATE audit_entry e SET hash = ${AUDIT_HASH_SQL} WHERE e.position = 2`);
    await tampering(`UPDATE audit_entry SET prev_hash = (SELECT hash FROM audit_entry WHERE position = 2) WHERE position = 3`);
    await tampering(`UPDATE audit_entry e SET hash = ${AUDIT_HASH_SQL} WHERE e.position = 3`);
    const v = await audit.verify();
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'checkpoint', seq: 3, problem: expect.stringContaining('rewritten') })]));
  });

  it('N4 an entry is listed for its order once committed, hashed in chain order', async () => {
    const orderId = '8d1b6c52-7f0e-4a53-9a0e-0d3c1f5b2a11';
    await db.transaction((m) => audit.record(m, { action: 'order.recorded', entityType: 'order', entityId: orderId, orderId, after: { id: orderId } }));
    await db.transaction((m) => audit.record(m, { action: 'order.changed', entityType: 'order', entityId: orderId, orderId, before: { a: 1 }, after: { a: 2 } }));
    const items = await audit.forOrder(orderId);
    expect(items.map((e) => [e.action, e.seq])).toEqual([
      ['order.recorded', 1],
      ['order.changed', 2],
    ]);
    expect(items[1].prevHash).toBe(items[0].hash);
    expect(items[0].actor).toEqual({ username: 'system:finance' });
  });
});
