import { createHash } from 'node:crypto';
import { ChainLink, chainHash, checkpointMac, checkpointValid, GENESIS_HASH, headProblems, linkProblems } from './audit-chain';

/** A sound chain of `n` entries as verification sees it, each beside the one before it. */
function chain(n: number): ChainLink[] {
  const links: ChainLink[] = [];
  let before: { position: number; hash: string } | null = null;
  for (let position = 1; position <= n; position += 1) {
    const prevHash: string = before?.hash ?? GENESIS_HASH;
    const hash = chainHash(prevHash, position, `{"action": "a${position}"}`);
    links.push({ position, id: `00000000-0000-4000-8000-00000000000${position}`, hash, prevHash, computed: hash, before });
    before = { position, hash };
  }
  return links;
}

describe('audit chain', () => {
  it('I11.2 an entry hash covers the previous hash, the position and the content, and nothing else', () => {
    const h = chainHash(GENESIS_HASH, 1, '{"a": 1}');
    expect(h).toBe(createHash('sha256').update(`${GENESIS_HASH}:1:{"a": 1}`).digest('hex'));
    expect(chainHash(GENESIS_HASH, 1, '{"a": 1}')).toBe(h);
    expect(chainHash(GENESIS_HASH, 1, '{"a": 2}')).not.toBe(h);
    expect(chainHash(GENESIS_HASH, 2, '{"a": 1}')).not.toBe(h);
    expect(chainHash('1'.repeat(64), 1, '{"a": 1}')).not.toBe(h);
  });

  it('I11.2 a sound chain has no problem', () => {
    expect(chain(5).flatMap(linkProblems)).toEqual([]);
  });

  it('I11.2 an edited entry is named: its content no longer gives its hash', () => {
    const links = chain(4);
    links[2] = { ...links[2], computed: chainHash(links[2].prevHash, 3, '{"action": "forged"}') };
    expect(links.flatMap(linkProblems)).toEqual([{ kind: 'edited', seq: 3, id: links[2].id, problem: 'content altered' }]);
  });

  it('I11.2 a deleted middle entry shows as a gap before the entry that follows it, and a re-linked one as a broken link', () => {
    const links = chain(5);
    const gap = { ...links[3], before: { position: 2, hash: links[1].hash } };
    expect(linkProblems(gap)).toEqual([{ kind: 'deleted', seq: 3, id: null, problem: 'entry 3 was deleted' }]);
    const wide = { ...links[4], before: { position: 1, hash: links[0].hash } };
    expect(linkProblems(wide)[0]).toMatchObject({ kind: 'deleted', seq: 2, problem: 'entries 2-4 were deleted' });
    // Positions renumbered to close the gap: the link to the entry before no longer holds, nor its hash (the position is in it).
    const closed = { ...links[3], position: 3, computed: chainHash(links[3].prevHash, 3, '{"action": "a4"}'), before: { position: 2, hash: links[1].hash } };
    expect(linkProblems(closed).map((p) => p.kind)).toEqual(['reordered', 'edited']);
    // The first entries gone: the chain starts later than 1.
    expect(linkProblems({ ...links[2], before: null })).toEqual([{ kind: 'deleted', seq: 1, id: null, problem: 'entries 1-2 were deleted' }]);
  });

  it('I11.2 a truncated end is caught by the newest checkpoint; a chain rewritten up to it too', () => {
    const links = chain(6);
    const cp = { position: 6, hash: links[5].hash, sealedAt: '2026-12-01T00:00:00.000Z' };
    expect(headProblems({ position: 6, hash: links[5].hash }, { id: links[5].id, hash: links[5].hash }, cp)).toEqual([]);
    expect(headProblems({ position: 4, hash: links[3].hash }, null, cp)).toEqual([
      expect.objectContaining({ kind: 'truncated', seq: 5, id: null, problem: expect.stringContaining('entries 5-6 were removed from the end') }),
    ]);
    expect(headProblems(null, null, cp)[0]).toMatchObject({ kind: 'truncated', seq: 1 });
    expect(headProblems({ position: 7, hash: 'x' }, { id: links[5].id, hash: 'y'.repeat(64) }, cp)[0]).toMatchObject({ kind: 'checkpoint', seq: 6, id: links[5].id });
    expect(headProblems({ position: 7, hash: 'x' }, null, cp)[0]).toMatchObject({ kind: 'deleted', seq: 6 });
    // Without a checkpoint the end cannot be judged (a chain nobody sealed yet).
    expect(headProblems({ position: 4, hash: links[3].hash }, null, null)).toEqual([]);
  });

  it('I11.2 a checkpoint signature holds only for its key, service, position, hash and time', () => {
    const key = 'k'.repeat(32);
    const cp = { position: 9, hash: 'a'.repeat(64), sealedAt: '2026-12-01T00:00:00.000Z' };
    const mac = checkpointMac(key, 'sales', cp);
    expect(checkpointValid(key, 'sales', { ...cp, mac })).toBe(true);
    expect(checkpointValid('j'.repeat(32), 'sales', { ...cp, mac })).toBe(false);
    expect(checkpointValid(key, 'finance', { ...cp, mac })).toBe(false);
    expect(checkpointValid(key, 'sales', { ...cp, position: 10, mac })).toBe(false);
    expect(checkpointValid(key, 'sales', { ...cp, hash: 'b'.repeat(64), mac })).toBe(false);
    expect(checkpointValid(key, 'sales', { ...cp, sealedAt: '2026-12-02T00:00:00.000Z', mac })).toBe(false);
    expect(checkpointValid(key, 'sales', { ...cp, mac: 'nothex' })).toBe(false);
  });
});
