import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The documents quality numbers: inspection reports of passed lots and nonconformance notices (R5.3). */
export const DOCUMENT_PREFIXES = { INSPECTION_REPORT: 'IR', NONCONFORMANCE: 'NC' } as const;
export type DocumentKind = keyof typeof DOCUMENT_PREFIXES;

/** `IR-2026-000001`: prefix, year, a sequence of at least six digits that restarts every year. */
export function documentNumber(kind: DocumentKind, year: number, value: number): string {
  if (!Number.isInteger(value) || value < 1) throw new Error(`a document sequence starts at 1, not ${value}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`not a four-digit year: ${year}`);
  return `${DOCUMENT_PREFIXES[kind]}-${year}-${String(value).padStart(6, '0')}`;
}

/**
 * Gap-free numbers: one row per kind and year, incremented inside the transaction that records the document
 * (as sales numbers its orders), so a rolled-back inspection gives its number back.
 */
@Injectable()
export class DocumentNumbers {
  async next(m: EntityManager, kind: DocumentKind, at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    const [row] = (await m.query(
      `INSERT INTO quality_number_sequence (kind, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (kind, year) DO UPDATE SET last_value = quality_number_sequence.last_value + 1
       RETURNING last_value`,
      [kind, year],
    )) as { last_value: number }[];
    return documentNumber(kind, year, row.last_value);
  }
}
