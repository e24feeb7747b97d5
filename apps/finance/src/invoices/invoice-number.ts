import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** `INV-2027-000001`: an invoice's number, a sequence of at least six digits that restarts every year. */
export function invoiceNumber(year: number, value: number): string {
  if (!Number.isInteger(value) || value < 1) throw new Error(`an invoice sequence starts at 1, not ${value}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`not a four-digit year: ${year}`);
  return `INV-${year}-${String(value).padStart(6, '0')}`;
}

/**
 * Gap-free numbers: one row per year, incremented inside the transaction that issues the invoice (as sales numbers its
 * orders), so a rolled-back approval gives its number back.
 */
@Injectable()
export class InvoiceNumbers {
  async next(m: EntityManager, at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    const [row] = (await m.query(
      `INSERT INTO finance_number_sequence (kind, year, last_value) VALUES ('INVOICE', $1, 1)
       ON CONFLICT (kind, year) DO UPDATE SET last_value = finance_number_sequence.last_value + 1
       RETURNING last_value`,
      [year],
    )) as { last_value: number }[];
    return invoiceNumber(year, row.last_value);
  }
}
