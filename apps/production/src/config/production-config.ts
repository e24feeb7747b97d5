import { z } from 'zod';
import { parseAppConfig } from '@opm/platform';

const schema = z.object({
  /**
   * Days from the end of production to delivery (R5.1: a plan must end before the promised delivery date minus
   * shipping time). Nothing upstream knows transport lead times yet (logistics keeps no carriers' transit times,
   * R2.3 only names a transport mode), so it is production's own setting until logistics publishes one.
   */
  PRODUCTION_SHIPPING_DAYS: z.coerce.number().int().min(0).max(120).default(3),
});

export type ProductionConfig = z.infer<typeof schema>;
export const PRODUCTION_CONFIG = Symbol('PRODUCTION_CONFIG');

/** Production's own settings, validated at boot like the platform's (a bad one names the variable). */
export function loadProductionConfig(env?: NodeJS.ProcessEnv): ProductionConfig {
  return parseAppConfig(schema, env);
}
