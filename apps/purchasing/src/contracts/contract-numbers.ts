import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Gap-free purchasing document numbers (`PC-yyyy-nnnnnn` for contracts): one counter row per kind and year, taken
 * in the document's transaction, so a rollback gives the number back, as sales numbers its orders.
 */
@Injectable()
export class PurchasingNumbers {
  async next(m: EntityManager, kind: 'PC', at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    const rows: { last: number }[] = await m.query(
      `INSERT INTO purchasing_number_sequence (kind, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (kind, year) DO UPDATE SET last = purchasing_number_sequence.last + 1
       RETURNING last`,
      [kind, year],
    );
    return `${kind}-${year}-${String(rows[0].last).padStart(6, '0')}`;
  }
}
