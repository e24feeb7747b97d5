import type { MicroserviceOptions } from '@nestjs/microservices';
import type { ServiceConfig } from '../config/service-config';
import { EventTransport, TopicMessages } from './event-transport';
import { ensureTopics, KafkaConnections } from './kafka-connections';
import { kafkaConsumerStrategy } from './kafka-server';

/** The production transport: the process's idempotent producer, the Nest Kafka consumer, the admin client. */
export class KafkaEventTransport extends EventTransport {
  readonly kind = 'kafka' as const;

  constructor(
    private readonly kafka: KafkaConnections,
    private readonly config: ServiceConfig,
  ) {
    super();
  }

  async connect(): Promise<void> {
    await this.kafka.getProducer();
  }

  async send(batch: TopicMessages[]): Promise<void> {
    const producer = await this.kafka.getProducer();
    await producer.sendBatch({ acks: -1, topicMessages: batch });
  }

  reset(): Promise<void> {
    return this.kafka.resetProducer();
  }

  async ensureTopics(topics: string[]): Promise<void> {
    await ensureTopics(await this.kafka.getAdmin(), topics);
  }

  ping(timeoutMs?: number): Promise<void> {
    return this.kafka.ping(timeoutMs);
  }

  consumerOptions(): MicroserviceOptions {
    return kafkaConsumerStrategy(this.config);
  }
}
