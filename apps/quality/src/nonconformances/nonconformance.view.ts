import { z } from 'zod';
import { NONCONFORMANCE_DISPOSITIONS, NONCONFORMANCE_STATUSES } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import type { Nonconformance } from './nonconformance.entity';

export const NonconformanceView = apiView(
  'Nonconformance',
  z.object({
    id: z.uuid(),
    number: z.string().describe('NC-yyyy-nnnnnn'),
    orderId: z.uuid(),
    inspectionId: z.uuid().describe('the failed inspection that raised it'),
    description: z.string(),
    status: z.enum(NONCONFORMANCE_STATUSES),
    disposition: z.enum(NONCONFORMANCE_DISPOSITIONS).nullable(),
    dispositionNote: z.string().nullable(),
    dispositionedBy: z.string().nullable(),
    dispositionedAt: z.iso.datetime({ offset: true }).nullable(),
    raisedBy: z.string(),
    raisedAt: z.iso.datetime({ offset: true }),
    closedBy: z.string().nullable(),
    closedAt: z.iso.datetime({ offset: true }).nullable(),
    version: z.number().int(),
  }),
);
export type NonconformanceView = ViewOf<typeof NonconformanceView>;

export const toNonconformanceView = (nc: Nonconformance): NonconformanceView => ({
  id: nc.id,
  number: nc.number,
  orderId: nc.orderId,
  inspectionId: nc.inspectionId,
  description: nc.description,
  status: nc.status,
  disposition: nc.disposition,
  dispositionNote: nc.dispositionNote,
  dispositionedBy: nc.dispositionedBy,
  dispositionedAt: nc.dispositionedAt?.toISOString() ?? null,
  raisedBy: nc.raisedBy,
  raisedAt: nc.raisedAt.toISOString(),
  closedBy: nc.closedBy,
  closedAt: nc.closedAt?.toISOString() ?? null,
  version: nc.version,
});

export const NONCONFORMANCE_EXAMPLE: NonconformanceView = {
  id: '9c2d4e6f-8a1b-4c3d-9e5f-6a7b8c9d0e1f',
  number: 'NC-2026-000007',
  orderId: '3f1c2a9e-7b4d-4e1a-9c3b-2d5e6f7a8b90',
  inspectionId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  description: 'bolt circle 0.3 mm out of tolerance on 4 of 20 flanges',
  status: 'DISPOSITIONED',
  disposition: 'REWORK',
  dispositionNote: 're-drill on the machining centre, then re-inspect 100%',
  dispositionedBy: 'quality.head',
  dispositionedAt: '2026-12-02T10:15:00.000Z',
  raisedBy: 'quality.head',
  raisedAt: '2026-12-02T09:40:00.000Z',
  closedBy: null,
  closedAt: null,
  version: 2,
};
