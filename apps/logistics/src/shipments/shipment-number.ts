import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** `SH-2026-000001`: a shipment's number, a sequence of at least six digits that restarts every year. */
export function shipmentNumber(year: number, value: number): string {
  if (!Number.isInteger(value) || value < 1) throw new Error(`a shipment sequence starts at 1, not ${value}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`not a four-digit year: ${year}`);
  return `SH-${year}-${String(value).padStart(6, '0')}`;
}

/**
 * Gap-free numbers: one row per year, incremented inside the transaction that plans the shipment (as sales numbers
 * its orders), so a rolled-back shipment gives its number back.
 */
@Injectable()
export class ShipmentNumbers {
  async next(m: EntityManager, at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    const [row] = (await m.query(
      `INSERT INTO logistics_number_sequence (kind, year, last_value) VALUES ('SHIPMENT', $1, 1)
       ON CONFLICT (kind, year) DO UPDATE SET last_value = logistics_number_sequence.last_value + 1
       RETURNING last_value`,
      [year],
    )) as { last_value: number }[];
    return shipmentNumber(year, row.last_value);
  }
}
