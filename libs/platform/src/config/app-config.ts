import { DynamicModule, Module } from '@nestjs/common';
import type { z } from 'zod';
import { currentEnv } from '../bootstrap/process-host';
import { ConfigError } from './service-config';

/**
 * A service's own settings (beyond the platform's), validated at boot the same way: a bad or missing variable
 * stops the service with a message naming it (N6).
 */
export function parseAppConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = currentEnv()): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(`invalid configuration:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return result.data;
}

/** Makes validated settings injectable in every module of the app (also in the platform modules it configures). */
@Module({})
export class AppConfigModule {
  static forRoot(token: symbol, config: unknown): DynamicModule {
    return { module: AppConfigModule, global: true, providers: [{ provide: token, useValue: config }], exports: [token] };
  }
}
