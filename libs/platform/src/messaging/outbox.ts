import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor, Envelope, EventDefinition } from '@opm/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { MessagingTelemetry } from '../observability/messaging-telemetry';
import { requestContext } from '../observability/request-context';

export const OUTBOX_CHANNEL = 'opm_outbox';

/** What an event is keyed by: an order (its events stay in order), or a master-data entity (customer, product). */
export type EventKey = { orderId: string } | { key: string };

/**
 * Publishing side of N2: the event is a row written by the caller's transaction, so it exists exactly when
 * the state change does. NOTIFY (delivered on commit) wakes the relay at once.
 */
@Injectable()
export class Outbox {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly telemetry: MessagingTelemetry,
  ) {}

  async publish<P>(
    manager: EntityManager,
    definition: EventDefinition<P>,
    eventKey: EventKey,
    payload: P,
    actor?: Actor,
  ): Promise<Envelope<P>> {
    const orderId = 'orderId' in eventKey ? eventKey.orderId : null;
    const messageKey = 'orderId' in eventKey ? eventKey.orderId : eventKey.key;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Outbox.publish(${definition.type}) must run inside the transaction that changes the state`);
    }
    const ctx = requestContext.get();
    const envelope: Envelope<P> = {
      eventId: randomUUID(),
      type: definition.type,
      version: definition.version,
      occurredAt: new Date().toISOString(),
      orderId,
      correlationId: ctx?.correlationId ?? randomUUID(),
      causationId: ctx?.causationId ?? null,
      actor: actor ?? ctx?.actor ?? { username: `system:${this.config.SERVICE_NAME}` },
      // A producer bug must fail here, in its own transaction, not in every consumer.
      payload: definition.payload.parse(payload),
    };
    // The trace context of the work that causes the event goes with it as Kafka headers (issue 11, item 4).
    await manager.query(`INSERT INTO outbox (event_id, topic, message_key, value, headers) VALUES ($1, $2, $3, $4, $5)`, [
      envelope.eventId,
      definition.topic,
      messageKey,
      JSON.stringify(envelope),
      JSON.stringify(this.telemetry.outgoingHeaders()),
    ]);
    await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
    return envelope;
  }

  /**
   * Sends a message that was consumed before once more, unchanged (a dead letter an operator replays): the same
   * envelope, so every consumer's inbox recognises its event id. The row's own id is new (the outbox's key).
   */
  async republish(manager: EntityManager, message: { topic: string; key: string; value: unknown }): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('Outbox.republish must run inside the transaction that records the replay');
    await manager.query(`INSERT INTO outbox (event_id, topic, message_key, value) VALUES ($1, $2, $3, $4)`, [
      randomUUID(),
      message.topic,
      message.key,
      JSON.stringify(message.value),
    ]);
    await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }
}
