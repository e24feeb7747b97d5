import { z } from 'zod';
import { parseAppConfig } from '@opm/platform';
import { percentToBasisPoints } from '../review/percent';

const percent = (max: RegExp, fallback: string) =>
  z
    .string()
    .regex(max, 'a percentage with at most 2 decimals')
    .default(fallback)
    .transform((v) => percentToBasisPoints(v));
const BELOW_100 = /^\d{1,2}(\.\d{1,2})?$/;
const UP_TO_100 = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

const schema = z
  .object({
    /** The lowest margin, (price - cost) / price in percent, a review passes without a person's judgement (R3.6). */
    FINANCE_MIN_MARGIN_PERCENT: percent(BELOW_100, '15'),
    /** Share of a product's standard cost that is overhead, for the cost breakdown (the standard cost is the full unit cost). */
    FINANCE_OVERHEAD_PERCENT: percent(UP_TO_100, '15'),
    /** Share of a product's standard cost that is direct labour; materials are the rest. */
    FINANCE_LABOUR_PERCENT: percent(UP_TO_100, '25'),
    /** How often finance looks for invoices that have fallen due unpaid, to re-announce their customers' credit standing (R2.4). */
    FINANCE_OVERDUE_SCAN_MS: z.coerce.number().int().min(1000).max(86_400_000).default(600_000),
    /** The receivables ageing's bucket bounds in days past due, ascending (R7.3): "30,60,90" gives CURRENT, 1-30, 31-60, 61-90, 90+. */
    FINANCE_AGEING_BOUNDS: z
      .string()
      .regex(/^\d{1,4}(,\d{1,4}){0,9}$/, 'comma-separated whole days, such as 30,60,90')
      .default('30,60,90')
      .transform((v) => v.split(',').map(Number))
      .refine((b) => b.every((d, i) => d >= 1 && (i === 0 || d > b[i - 1])), 'the bounds must ascend from 1 day'),
    /** Days overdue from which a reminder, a final notice and the hand-over to legal are due (R7.3), ascending. */
    FINANCE_DUNNING_DAYS: z
      .string()
      .regex(/^\d{1,4},\d{1,4},\d{1,4}$/, 'three comma-separated whole days: reminder, final notice, legal, such as 1,30,60')
      .default('1,30,60')
      .transform((v) => v.split(',').map(Number) as [number, number, number])
      .refine(([a, b, c]) => a >= 1 && b > a && c > b, 'the days must ascend from 1'),
  })
  .refine((c) => c.FINANCE_OVERHEAD_PERCENT + c.FINANCE_LABOUR_PERCENT <= 10_000, {
    message: 'overhead and labour shares together exceed 100%',
    path: ['FINANCE_LABOUR_PERCENT'],
  });

/** Finance's own settings, in basis points (15% = 1500). */
export type FinanceConfig = z.infer<typeof schema>;
export const FINANCE_CONFIG = Symbol('FINANCE_CONFIG');

/** Validated at boot like the platform's settings: a bad one stops the service and names the variable (N6). */
export function loadFinanceConfig(env?: NodeJS.ProcessEnv): FinanceConfig {
  return parseAppConfig(schema, env);
}

