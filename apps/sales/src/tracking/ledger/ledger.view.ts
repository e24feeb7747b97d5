import { z } from 'zod';
import { DEPARTMENTS } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import { LEDGER_KINDS } from './ledger-entry';

export const LedgerView = apiView(
  'OrderLedger',
  z.object({
    entries: z.array(
      z.object({
        seq: z.number().int().positive().describe("The entry's place in the order's ledger: 1, 2, 3... in the order the facts happened for the order"),
        at: z.iso.datetime({ offset: true }).describe('When the department recorded the fact'),
        department: z.enum(DEPARTMENTS),
        actor: z.string().describe('Who did it: a username, or `system:<service>`'),
        kind: z.enum(LEDGER_KINDS),
        summary: z.string().describe("What happened, in words, with the department's numbers"),
        ref: z.object({ type: z.string(), id: z.string() }).describe("The department's record the fact is about (plan, problem, inspection, contract, shipment, invoice...)"),
      }),
    ),
  }),
);
export type LedgerView = ViewOf<typeof LedgerView>;

export const LEDGER_EXAMPLE: LedgerView = {
  entries: [
    { seq: 1, at: '2026-12-01T08:00:00.000Z', department: 'SALES', actor: 'sales.staff', kind: 'ORDER_RECEIVED', summary: 'Order SO-2026-000042 received (phone): 1 line, 1250.00 CNY, delivery 2027-05-01', ref: { type: 'order', id: '3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f1a2b3c' } },
    { seq: 14, at: '2026-12-03T09:30:00.000Z', department: 'PRODUCTION', actor: 'production.staff', kind: 'PROBLEM_RAISED', summary: 'MAJOR problem raised (equipment failure): spindle bearing failed', ref: { type: 'production-problem', id: '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d' } },
  ],
};
