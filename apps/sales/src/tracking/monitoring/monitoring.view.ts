import { z } from 'zod';
import { ORDER_STATUSES } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import { ESCALATION_KINDS, ESCALATION_MAIL_STATUSES } from './escalation.entity';
import { MONITORING_ITEM_KINDS } from './monitoring-rules';

const ItemSchema = z.object({
  department: z.string().describe('the department whose work it is (TECHNICAL, PRODUCTION, QUALITY, PURCHASING, FINANCE, LOGISTICS, SALES ...)'),
  kind: z.enum(MONITORING_ITEM_KINDS),
  summary: z.string(),
  dueAt: z.iso.datetime({ offset: true }).nullable().describe('null: open without a due time (a problem, a nonconformance)'),
  ref: z.object({ type: z.string(), id: z.string() }).describe('the record the item is about (review-task, plan-task, purchase-contract, problem, ...)'),
});

export const MonitoringRowSchema = z.object({
  orderId: z.uuid(),
  number: z.string(),
  status: z.enum(ORDER_STATUSES),
  customer: z.object({ id: z.uuid(), name: z.string().nullable() }),
  promisedDate: z.iso.date().nullable(),
  expectedDate: z.iso.date().nullable().describe('the actual delivery once delivered; else a planned shipment; else the promised date unless the plan (pushed by a late supplier) ends after it'),
  progress: z.object({
    planStatus: z.string().nullable(),
    tasksDone: z.number().int(),
    tasksTotal: z.number().int(),
  }),
  overdueItems: z.array(ItemSchema).describe('open items whose due time has passed, computed when read'),
  openItems: z.array(ItemSchema).describe('every open item, overdue or not'),
});

export const MonitoringRowView = apiView('MonitoringRow', MonitoringRowSchema);
export type MonitoringRowView = ViewOf<typeof MonitoringRowView>;
export type MonitoringItemView = z.infer<typeof ItemSchema>;

export const EscalationView = apiView(
  'Escalation',
  z.object({
    id: z.uuid(),
    orderId: z.uuid(),
    number: z.string().nullable(),
    kind: z.enum(ESCALATION_KINDS),
    department: z.string(),
    summary: z.string(),
    ref: z.object({ type: z.string(), id: z.string() }),
    raisedAt: z.iso.datetime({ offset: true }),
    mail: z.object({
      status: z.enum(ESCALATION_MAIL_STATUSES),
      mailedTo: z.string().nullable(),
      mailedAt: z.iso.datetime({ offset: true }).nullable(),
      attempts: z.number().int(),
    }),
  }),
);
export type EscalationView = ViewOf<typeof EscalationView>;
