import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The `prevHash` of the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * An entry's link in its service's chain: SHA-256 over the previous link, the entry's position and its
 * canonical content (the text PostgreSQL renders for it, `AUDIT_CONTENT_SQL`). The sealer computes it here;
 * verification recomputes it in SQL over the same bytes, so both must stay this one formula.
 */
export function chainHash(prevHash: string, position: number, content: string): string {
  return createHash('sha256').update(`${prevHash}:${position}:${content}`, 'utf8').digest('hex');
}

/** A signed statement "the chain's entry at `position` had hash `hash`", written by the sealer with each pass. */
export interface Checkpoint {
  position: number;
  hash: string;
  sealedAt: string;
}

export function checkpointMac(key: string, service: string, cp: Checkpoint): string {
  return createHmac('sha256', key).update(`opm.audit.checkpoint.v1:${service}:${cp.position}:${cp.hash}:${cp.sealedAt}`, 'utf8').digest('hex');
}

export function checkpointValid(key: string, service: string, cp: Checkpoint & { mac: string }): boolean {
  const expected = Buffer.from(checkpointMac(key, service, cp), 'hex');
  const given = Buffer.from(cp.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type AuditProblemKind = 'edited' | 'deleted' | 'reordered' | 'truncated' | 'checkpoint';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The position the problem is at (the entry found there, or the first missing one). */
  seq: number;
  /** The entry found at that position; null when the entry itself is gone. */
  id: string | null;
  problem: string;
}

/** A sealed entry as verification sees it, beside the entry before it in position order. */
export interface ChainLink {
  position: number;
  id: string;
  hash: string;
  prevHash: string;
  /** `chainHash(prevHash, position, content)` recomputed from the stored content. */
  computed: string;
  /** The entry before it in position order (null for the first one). */
  before: { position: number; hash: string } | null;
}

export const PROBLEM = {
  edited: 'content altered',
  reordered: 'does not follow the entry before it (removed or reordered)',
} as const;

/** What is wrong with one link of the chain (nothing for a sound one): a gap, a broken link, altered content. */
export function linkProblems(link: ChainLink): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const expectedPosition = (link.before?.position ?? 0) + 1;
  if (link.position > expectedPosition) {
    const last = link.position - 1;
    problems.push({
      kind: 'deleted',
      seq: expectedPosition,
      id: null,
      problem: last === expectedPosition ? `entry ${expectedPosition} was deleted` : `entries ${expectedPosition}-${last} were deleted`,
    });
  } else if (link.prevHash !== (link.before?.hash ?? GENESIS_HASH)) {
    problems.push({ kind: 'reordered', seq: link.position, id: link.id, problem: PROBLEM.reordered });
  }
  if (link.computed !== link.hash) problems.push({ kind: 'edited', seq: link.position, id: link.id, problem: PROBLEM.edited });
  return problems;
}

/**
 * The chain's end against the newest valid checkpoint: entries the checkpoint vouches for that are gone
 * (truncated), or a different entry where it points (the chain was rewritten up to there).
 */
export function headProblems(
  head: { position: number; hash: string } | null,
  atCheckpoint: { id: string; hash: string } | null,
  checkpoint: Checkpoint | null,
): AuditProblem[] {
  if (!checkpoint) return [];
  const last = head?.position ?? 0;
  if (last < checkpoint.position) {
    const from = last + 1;
    return [
      {
        kind: 'truncated',
        seq: from,
        id: null,
        problem: `the chain ends at ${last} but checkpoint ${checkpoint.position} (signed ${checkpoint.sealedAt}) vouches for entries up to it: ${
          from === checkpoint.position ? `entry ${from} was` : `entries ${from}-${checkpoint.position} were`
        } removed from the end`,
      },
    ];
  }
  if (!atCheckpoint) {
    return [{ kind: 'deleted', seq: checkpoint.position, id: null, problem: `entry ${checkpoint.position}, which checkpoint ${checkpoint.position} vouches for, is missing` }];
  }
  if (atCheckpoint.hash !== checkpoint.hash) {
    return [
      { kind: 'checkpoint', seq: checkpoint.position, id: atCheckpoint.id, problem: `differs from signed checkpoint ${checkpoint.position}: the chain was rewritten up to here` },
    ];
  }
  return [];
}
