import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule, CorrelationMiddleware, loggerModule, ObservabilityModule, ProblemDetailsFilter } from '@opm/platform';
import { AuditViewController } from './audit/audit-view.controller';
import { TokenController } from './auth/token.controller';
import { UserStore } from './auth/user-store';
import { GATEWAY_CONFIG, GatewayConfig } from './config';
import { AsyncApiController } from './docs/asyncapi.controller';
import { OpenApiAggregator } from './docs/openapi-aggregator';
import { ServiceDocuments } from './docs/service-documents';
import { GatewayHealthController } from './health/gateway-health.controller';
import { OrderViewController } from './orders/order-view.controller';
import { ProxyController } from './upstream/proxy.controller';
import { ServiceRouter } from './upstream/service-router';
import { UpstreamClient } from './upstream/upstream.client';

@Module({})
export class GatewayAppModule implements NestModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [loggerModule('gateway', config.LOG_LEVEL), ObservabilityModule.forRoot(config), AuthModule.forRoot(config)],
      // The proxy comes last: its wildcard must not shadow the gateway's own routes.
      controllers: [GatewayHealthController, TokenController, OrderViewController, AuditViewController, AsyncApiController, ProxyController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        UpstreamClient,
        UserStore,
        ServiceDocuments,
        ServiceRouter,
        OpenApiAggregator,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
