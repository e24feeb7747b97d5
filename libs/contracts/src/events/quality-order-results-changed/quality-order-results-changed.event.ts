import { z } from 'zod';
import { defineEvent } from '../../event-definition';

export const QualityOrderResultsChangedV1 = defineEvent(
  'quality.order.results-changed',
  1,
  z.object({
    orderId: z.uuid(),
    revision: z
      .number()
      .int()
      .positive()
      .describe("Grows by one with every change of the order's quality results; a reader keeps the highest."),
    inspectionsPassed: z.number().int().nonnegative(),
    inspectionsFailed: z.number().int().nonnegative(),
    finalInspectionPassed: z.boolean().describe('A `FINAL` inspection of the order has passed.'),
    openNonconformances: z.number().int().nonnegative(),
    changedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      "The order's quality results changed (R5.3): an inspection was recorded or a nonconformance raised or " +
      'closed. Sales moves the order to `READY_TO_SHIP` when production has completed and a final inspection ' +
      'passed with no open nonconformance.',
    key: 'orderId',
    publishers: ['quality'],
    consumers: ['sales'],
  },
);
export type QualityOrderResultsChanged = z.infer<typeof QualityOrderResultsChangedV1.payload>;
