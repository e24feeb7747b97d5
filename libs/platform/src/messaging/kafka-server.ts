import { Logger } from '@nestjs/common';
import { KafkaOptions, Transport } from '@nestjs/microservices';
import type { ServiceConfig } from '../config/service-config';
import { kafkaLogCreator } from './kafka-connections';

/**
 * The Nest Kafka transport for a service's @EventPattern consumers: one consumer group per service
 * (Nest appends `-server`), messages kept binary so the inbox validates what was really sent. Partitions are
 * consumed side by side, each one message at a time, so one order's events (one key, one partition) are
 * applied in order while different orders proceed in parallel.
 */
export function kafkaServerOptions(config: ServiceConfig): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      client: {
        clientId: config.KAFKA_CLIENT_ID,
        brokers: config.KAFKA_BROKERS,
        logCreator: kafkaLogCreator(new Logger('KafkaConsumer')),
        connectionTimeout: 3000,
        retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 5000 },
      },
      consumer: {
        groupId: config.KAFKA_GROUP_ID,
        sessionTimeout: 10000,
        heartbeatInterval: 1000,
        allowAutoTopicCreation: false,
        retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5000 },
      },
      subscribe: { fromBeginning: true },
      run: { autoCommit: true, partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENTLY },
      parser: { keepBinary: true },
      producer: { allowAutoTopicCreation: false },
    },
  };
}
