import { z } from 'zod';
import { ORDER_STATUSES } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import { REPORT_DEPARTMENTS } from './weekly-report';

const severities = z.object({ total: z.number().int(), MINOR: z.number().int(), MAJOR: z.number().int() });
const ProductionWeekSchema = z
  .object({
    ordersAdvanced: z.number().int().describe('orders whose plan was released or completed'),
    plansReleased: z.number().int(),
    plansCompleted: z.number().int(),
    tasksDone: z.number().int().describe('progress reports that took a task to 100 %'),
    progressReports: z.number().int(),
    problemsOpened: severities,
    problemsClosed: severities.describe('problems resolved, by the severity they were raised with'),
  })
  .describe("production's week");
const PurchasingWeekSchema = z
  .object({
    contractsSigned: z.number().int(),
    receipts: z.number().int(),
    deliveriesLate: z.number().int().describe('supplier delays reported and overdue deliveries detected'),
    contractsLate: z.number().int().describe('the contracts those were about'),
    receiptInspections: z.object({ accepted: z.number().int(), rejected: z.number().int() }),
  })
  .describe("purchasing's week");
const QualityWeekSchema = z
  .object({ inspectionsPassed: z.number().int(), inspectionsFailed: z.number().int(), nonconformancesOpened: z.number().int(), nonconformancesClosed: z.number().int() })
  .describe("quality's week");

const week = {
  week: z.string().describe('the ISO week, e.g. 2026-W49'),
  from: z.iso.datetime({ offset: true }).describe('its Monday 00:00 UTC'),
  to: z.iso.datetime({ offset: true }).describe('the next Monday 00:00 UTC (excluded)'),
};

export const DepartmentWeeklyReportView = apiView(
  'DepartmentWeeklyReport',
  z.object({
    ...week,
    department: z.enum(REPORT_DEPARTMENTS),
    orders: z.number().int().describe('orders the department reported on in the week'),
    production: ProductionWeekSchema.nullable().describe("PRODUCTION's figures; null for the other departments"),
    purchasing: PurchasingWeekSchema.nullable().describe("PURCHASING's figures; null for the other departments"),
    quality: QualityWeekSchema.nullable().describe("QUALITY's figures; null for the other departments"),
  }),
);

export const LeadershipWeeklyReportView = apiView(
  'LeadershipWeeklyReport',
  z.object({
    ...week,
    orders: z.array(
      z.object({
        orderId: z.uuid(),
        number: z.string(),
        customer: z.string(),
        status: z.enum(ORDER_STATUSES),
        promisedDate: z.iso.date().nullable(),
        expectedDate: z.iso.date().nullable().describe('the delivery expected now; null while nothing is planned'),
        late: z.boolean().nullable().describe('expected after promised; null while either is unknown'),
        entries: z.number().int().describe("the order's ledger entries in the week"),
        production: ProductionWeekSchema,
        purchasing: PurchasingWeekSchema,
        quality: QualityWeekSchema,
      }),
    ),
    totals: z.object({ orders: z.number().int(), late: z.number().int(), entries: z.number().int(), production: ProductionWeekSchema, purchasing: PurchasingWeekSchema, quality: QualityWeekSchema }),
  }),
);

/** Without `department` the answer is the leadership report, with one the department's. */
export const WeeklyReportView = apiView('WeeklyReport', z.union([LeadershipWeeklyReportView.schema, DepartmentWeeklyReportView.schema]));
export type WeeklyReportView = ViewOf<typeof WeeklyReportView>;

export const OrderPerformanceView = apiView(
  'OrderPerformance',
  z.object({
    promisedDate: z.iso.date().nullable(),
    actualDeliveryDate: z.iso.date().nullable().describe('the day (UTC) the last ordered quantity was received; null until then'),
    onTime: z.boolean().nullable(),
    daysLate: z.number().int().nullable(),
    lines: z.array(z.object({ lineNo: z.number().int(), ordered: z.number().int(), delivered: z.number().int() })),
    quantityComplete: z.boolean(),
    inspections: z.object({ passed: z.number().int(), failed: z.number().int() }),
    nonconformances: z.object({ opened: z.number().int(), open: z.number().int() }),
    rightQuality: z.boolean().nullable().describe('delivered with no nonconformance open and a final inspection passed; null until delivered'),
  }),
);
export type OrderPerformanceView = ViewOf<typeof OrderPerformanceView>;
