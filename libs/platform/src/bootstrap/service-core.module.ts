import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MixedList } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { AuditController } from '../audit/audit.controller';
import { AuditLog } from '../audit/audit-log';
import { AuditSealer } from '../audit/audit-sealer';
import { AuthModule } from '../auth/auth.module';
import { HealthController } from '../health/health.controller';
import { IdempotencyPruner, IdempotencyStore } from '../http/idempotency';
import { DemoData } from '../persistence/demo-data';
import { ProblemDetailsFilter } from '../http/problem-details';
import { EventTransport } from '../messaging/event-transport';
import { eventTransportProvider } from '../messaging/event-transport.provider';
import { deadLettersController, DeadLetters, MessagingRetention } from '../messaging/dead-letters';
import { Inbox } from '../messaging/inbox';
import { KafkaConnections } from '../messaging/kafka-connections';
import { Outbox } from '../messaging/outbox';
import { OutboxRelay } from '../messaging/outbox-relay';
import { CorrelationMiddleware } from '../observability/correlation.middleware';
import { loggerModule } from '../observability/logger';
import { MessagingTelemetry } from '../observability/messaging-telemetry';
import { ObservabilityModule } from '../observability/observability.module';
import { ServiceMetrics } from '../observability/service-metrics';
import { typeOrmOptions } from '../persistence/database';

export interface ServiceCoreOptions {
  config: ServiceConfig;
  entities: MixedList<Function>;
  migrations: Function[];
}

/**
 * What every department service has: its own database (TypeORM + migrations), JSON logs with correlation
 * ids, problem-details errors, health probes, and the messaging mechanisms (outbox, relay, inbox).
 */
@Module({})
export class ServiceCoreModule implements NestModule {
  static forRoot({ config, entities, migrations }: ServiceCoreOptions): DynamicModule {
    return {
      module: ServiceCoreModule,
      global: true,
      imports: [
        loggerModule(config.SERVICE_NAME, config.LOG_LEVEL),
        ObservabilityModule.forRoot(config),
        TypeOrmModule.forRoot(typeOrmOptions(config, entities, migrations)),
        TerminusModule.forRoot({ logger: false }),
        AuthModule.forRoot(config),
      ],
      controllers: [HealthController, AuditController, deadLettersController(config.SERVICE_NAME)],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        KafkaConnections,
        eventTransportProvider,
        Outbox,
        OutboxRelay,
        Inbox,
        DeadLetters,
        MessagingRetention,
        AuditLog,
        AuditSealer,
        IdempotencyStore,
        IdempotencyPruner,
        DemoData,
        MessagingTelemetry,
        ServiceMetrics,
      ],
      exports: [DemoData, SERVICE_CONFIG, KafkaConnections, EventTransport, Outbox, OutboxRelay, Inbox, DeadLetters, AuditLog, AuditSealer, IdempotencyStore],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
