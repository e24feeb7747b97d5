import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { IMPACT_DEPARTMENTS } from '../sales-order-change-requested/sales-order-change-requested.event';

/** What a cancellation costs a department (R8.4), in the order's currency; zero where it has nothing. */
export const CancellationLossSchema = z.object({
  workDone: z.string().describe('production work done at cost'),
  materialsCommitted: z.string().describe('material committed under signed contracts or reserved from stock'),
  restockingFees: z.string().describe("what keeping or returning contracted goods costs under the contracts' terms"),
  currency: z.string().nullable(),
});
export type CancellationLoss = z.infer<typeof CancellationLossSchema>;

export const ChangeImpactAssessedV1 = defineEvent(
  'change.impact.assessed',
  1,
  z.object({
    orderId: z.uuid(),
    requestId: z.uuid(),
    department: z.enum(IMPACT_DEPARTMENTS),
    feasible: z.boolean().describe("the department's computed view: can it absorb the change as asked"),
    summary: z.string().describe('one line a person of the department confirms or contradicts'),
    details: z.record(z.string(), z.unknown()).describe('the figures the summary is made of (tasks, materials, costs...)'),
    loss: CancellationLossSchema.nullable().describe('for a cancellation: what it costs this department; null otherwise'),
    assessedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: "A department's impact assessment of a change or cancellation request, computed from its own data (R8.2, R8.4).",
    key: 'orderId',
    publishers: ['production', 'purchasing', 'quality', 'finance', 'logistics'],
    consumers: ['sales'],
  },
);
export type ChangeImpactAssessed = z.infer<typeof ChangeImpactAssessedV1.payload>;
