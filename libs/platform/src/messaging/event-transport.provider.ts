import type { FactoryProvider } from '@nestjs/common';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { EventTransport } from './event-transport';
import { sharedInMemoryBroker } from './in-memory-broker';
import { InMemoryEventTransport } from './in-memory-transport';
import { KafkaConnections } from './kafka-connections';
import { KafkaEventTransport } from './kafka-event-transport';

/** EVENT_TRANSPORT picks what carries the events; everything else in the service is the same on both. */
export const eventTransportProvider: FactoryProvider<EventTransport> = {
  provide: EventTransport,
  inject: [SERVICE_CONFIG, KafkaConnections],
  useFactory: (config: ServiceConfig, kafka: KafkaConnections): EventTransport =>
    config.EVENT_TRANSPORT === 'memory'
      ? new InMemoryEventTransport(sharedInMemoryBroker, config.KAFKA_GROUP_ID)
      : new KafkaEventTransport(kafka, config),
};
