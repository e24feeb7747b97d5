import { z } from 'zod';
import { CurrencySchema, MoneySchema } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import { COST_CATEGORIES, COST_SOURCES } from './cost-rules';

const BreakdownSchema = z.object({
  materials: MoneySchema,
  labour: MoneySchema,
  overhead: MoneySchema,
  total: MoneySchema.describe('materials + labour + overhead'),
});

/** An order's cost account (R5.6): planned from finance's review estimate, actual from production and purchasing. */
export const OrderCostsView = apiView(
  'OrderCosts',
  z.object({
    orderId: z.uuid(),
    currency: CurrencySchema,
    planned: BreakdownSchema.nullable().describe("finance's review estimate (R3.6) kept when the order was issued; null before issue or without an estimate"),
    actual: BreakdownSchema.describe('hours reported by production at the work centres\' rates; accepted receipts at contract prices and reserved stock at standard cost'),
    variance: BreakdownSchema.nullable().describe('actual - planned per category (positive: over plan); null without a plan'),
    plannedFrom: z
      .object({
        reviewTaskId: z.uuid(),
        reviewRound: z.number().int().positive(),
        costBasis: z.string().nullable(),
        uncostedLines: z.array(z.number().int().positive()).describe('order lines the review had no standard cost for: not in the plan'),
        plannedAt: z.iso.datetime({ offset: true }),
      })
      .nullable(),
    actualFrom: z.object({
      hoursWorked: z.string().describe('hours production reported on the order\'s tasks, 2 decimals'),
      workReports: z.number().int().nonnegative(),
      acceptedReceipts: z.number().int().nonnegative().describe('accepted receipts of goods against purchase contracts'),
      receiptMaterials: MoneySchema.describe('the part of actual materials from accepted receipts, at contract prices'),
      reservedStockLines: z.number().int().nonnegative().describe('materials reserved from free stock for the order'),
      stockMaterials: MoneySchema.describe('the part of actual materials from reserved stock, at standard cost'),
    }),
    notCounted: z
      .array(
        z.object({
          category: z.enum(COST_CATEGORIES),
          source: z.enum(COST_SOURCES),
          ref: z.string(),
          amount: MoneySchema.nullable(),
          currency: CurrencySchema.nullable(),
          reason: z.string(),
        }),
      )
      .describe('actual costs not added: no value (stock without a standard cost) or another currency than the order\'s'),
  }),
);
export type OrderCostsView = ViewOf<typeof OrderCostsView>;
