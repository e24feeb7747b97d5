import { DynamicModule, Module } from '@nestjs/common';
import { z } from 'zod';
import { ConfigError, currentEnv } from '@opm/platform';

const schema = z.object({
  /** Days before delivery a bought material must be in when the product's lead time is not known (R3.5). */
  PURCHASING_ORDER_BUFFER_DAYS: z.coerce.number().int().min(0).max(365).default(7),
});

export type PurchasingConfig = z.infer<typeof schema>;
export const PURCHASING_CONFIG = Symbol('PURCHASING_CONFIG');

/** Purchasing's own settings, validated at boot like the platform's (a bad one names the variable). */
export function loadPurchasingConfig(env: NodeJS.ProcessEnv = currentEnv()): PurchasingConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(`invalid configuration:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return result.data;
}

/** Makes the validated settings injectable everywhere in the app (the review assessor lives in a platform module). */
@Module({})
export class PurchasingConfigModule {
  static forRoot(config: PurchasingConfig): DynamicModule {
    return { module: PurchasingConfigModule, global: true, providers: [{ provide: PURCHASING_CONFIG, useValue: config }], exports: [PURCHASING_CONFIG] };
  }
}
