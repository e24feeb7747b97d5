import { EventDefinition, deadLetterTopic } from './event-definition';
import { SalesOrderReceivedV1 } from './events/sales-order-received/sales-order-received.event';

/** Every event the system knows; topics (and their dead-letter topics) are created up front from this list. */
export const ALL_EVENTS: readonly EventDefinition<unknown>[] = [SalesOrderReceivedV1];

export const allTopics = (): string[] => ALL_EVENTS.flatMap((e) => [e.topic, deadLetterTopic(e.topic)]);
