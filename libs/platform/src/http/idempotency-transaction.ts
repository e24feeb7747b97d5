import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/** The transaction that holds an `Idempotency-Key` claim while its request runs (see `idempotency.ts`). */
interface ClaimTransaction {
  manager: EntityManager;
  joined: boolean;
}

const claimTransaction = new AsyncLocalStorage<ClaimTransaction>();

/** Runs `work` with `manager` as the transaction an `inTransaction` call joins; says whether one did. */
export async function withClaimTransaction<T>(manager: EntityManager, work: () => Promise<T>): Promise<{ result: T; joined: boolean }> {
  const slot: ClaimTransaction = { manager, joined: false };
  const result = await claimTransaction.run(slot, work);
  return { result, joined: slot.joined };
}

/**
 * A use case's transaction. Under an `@Idempotent()` request that carries a key it is the transaction that holds
 * the key's claim and will store the answer, so the claim, the effect and the answer commit together or not at
 * all (a crash at any point leaves either nothing or all three); otherwise a new transaction of `dataSource`.
 * Services use it instead of `dataSource.transaction` for the writes their idempotent operations make.
 */
export function inTransaction<T>(dataSource: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  const slot = claimTransaction.getStore();
  if (slot && slot.manager.connection === dataSource && slot.manager.queryRunner?.isTransactionActive) {
    slot.joined = true;
    return work(slot.manager);
  }
  return dataSource.transaction(work);
}
