import { z } from 'zod';
import { parseAppConfig } from '@opm/platform';

const schema = z.object({
  /** Days before delivery a bought material must be in when the product's lead time is not known (R3.5). */
  PURCHASING_ORDER_BUFFER_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  /** How often signed contracts past their delivery date are looked for (and once at start-up), in ms (R5.2). */
  PURCHASING_OVERDUE_SCAN_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
});

export type PurchasingConfig = z.infer<typeof schema>;
export const PURCHASING_CONFIG = Symbol('PURCHASING_CONFIG');

/** Purchasing's own settings, validated at boot like the platform's (a bad one names the variable). */
export function loadPurchasingConfig(env?: NodeJS.ProcessEnv): PurchasingConfig {
  return parseAppConfig(schema, env);
}

