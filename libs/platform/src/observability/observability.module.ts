import { DynamicModule, Module } from '@nestjs/common';
import { Metrics, OBSERVABILITY_CONFIG } from './metrics';
import { MetricsController } from './metrics.controller';
import type { ObservabilityConfig } from './observability-config';
import { Tracing } from './tracing';

/** Metrics (`/metrics`, the app's registry) and tracing for the gateway and every service; global, imported once per app. */
@Module({})
export class ObservabilityModule {
  static forRoot(config: ObservabilityConfig): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: OBSERVABILITY_CONFIG, useValue: config }, { provide: Metrics, useValue: new Metrics(config.SERVICE_NAME) }, Tracing],
      exports: [Metrics, Tracing],
    };
  }
}
