import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';

export const ProductionWorkReportedV1 = defineEvent(
  'production.work.reported',
  1,
  z.object({
    orderId: z.uuid(),
    planId: z.uuid(),
    taskId: z.uuid(),
    taskName: z.string(),
    workCentre: z.string(),
    hours: z.string().regex(/^\d{1,6}(\.\d{1,2})?$/).describe('hours worked on the task in this report, up to 2 decimals'),
    labourRatePerHour: MoneySchema.describe('the work centre\'s labour rate'),
    overheadRatePerHour: MoneySchema.describe('the work centre\'s overhead rate'),
    currency: CurrencySchema,
    reportedBy: z.string(),
    reportedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'Production reported hours worked on a task at its work centre\'s rates: the order\'s actual labour and overhead (R5.6).',
    key: 'orderId',
    publishers: ['production'],
    consumers: ['finance', 'sales'],
  },
);
export type ProductionWorkReported = z.infer<typeof ProductionWorkReportedV1.payload>;
