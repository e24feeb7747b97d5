import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CorrelationMiddleware, loggerModule, ProblemDetailsFilter } from '@opm/platform';
import { GATEWAY_CONFIG, GatewayConfig } from './config';
import { OpenApiAggregator } from './docs/openapi-aggregator';
import { GatewayHealthController } from './health/gateway-health.controller';
import { OrderViewController } from './orders/order-view.controller';
import { ProxyController } from './upstream/proxy.controller';
import { UpstreamClient } from './upstream/upstream.client';

@Module({})
export class GatewayAppModule implements NestModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [loggerModule('gateway', config.LOG_LEVEL)],
      // The proxy comes last: its wildcard must not shadow the gateway's own routes.
      controllers: [GatewayHealthController, OrderViewController, ProxyController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        UpstreamClient,
        OpenApiAggregator,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
