import { z } from 'zod';
import { INSPECTION_RESULTS, INSPECTION_STAGES } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import type { Inspection } from './inspection.entity';

export const InspectionView = apiView(
  'Inspection',
  z.object({
    id: z.uuid(),
    orderId: z.uuid(),
    stage: z.enum(INSPECTION_STAGES),
    lot: z.string(),
    quantityInspected: z.number().int().positive(),
    result: z.enum(INSPECTION_RESULTS),
    findings: z.string().nullable(),
    report: z.object({ number: z.string().describe('IR-yyyy-nnnnnn') }).nullable().describe('the inspection report of a passed lot; null for a failed one'),
    nonconformance: z.object({ id: z.uuid(), number: z.string().describe('NC-yyyy-nnnnnn') }).nullable().describe('the nonconformance a failed lot raised; null for a passed one'),
    inspectedBy: z.string(),
    inspectedAt: z.iso.datetime({ offset: true }),
  }),
);
export type InspectionView = ViewOf<typeof InspectionView>;

export const toInspectionView = (i: Inspection, nonconformance: { id: string; number: string } | null): InspectionView => ({
  id: i.id,
  orderId: i.orderId,
  stage: i.stage,
  lot: i.lot,
  quantityInspected: i.quantityInspected,
  result: i.result,
  findings: i.findings,
  report: i.reportNumber ? { number: i.reportNumber } : null,
  nonconformance,
  inspectedBy: i.inspectedBy,
  inspectedAt: i.inspectedAt.toISOString(),
});

export const PASSED_INSPECTION_EXAMPLE: InspectionView = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  orderId: '3f1c2a9e-7b4d-4e1a-9c3b-2d5e6f7a8b90',
  stage: 'FINAL',
  lot: 'LOT-2026-12-02-A',
  quantityInspected: 100,
  result: 'PASS',
  findings: 'all dimensions within ISO 2768-m; 3.1 certificate issued',
  report: { number: 'IR-2026-000031' },
  nonconformance: null,
  inspectedBy: 'quality.head',
  inspectedAt: '2026-12-02T09:40:00.000Z',
};
