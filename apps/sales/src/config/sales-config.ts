import { z } from 'zod';
import { MoneySchema } from '@opm/contracts';
import { ConfigError, currentEnv } from '@opm/platform';

const schema = z.object({
  /** An order at or above this total is major (R3.1): a review panel chaired by a leader. */
  REVIEW_MAJOR_ORDER_AMOUNT: MoneySchema.default('1000000.00'),
});

export type SalesConfig = z.infer<typeof schema>;
export const SALES_CONFIG = Symbol('SALES_CONFIG');

/** Sales' own settings, validated at boot like the platform's (a bad one names the variable). */
export function loadSalesConfig(env: NodeJS.ProcessEnv = currentEnv()): SalesConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(`invalid configuration:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return result.data;
}
