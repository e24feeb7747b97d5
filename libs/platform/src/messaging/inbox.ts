import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEAD_LETTER_ERROR_MAX_LENGTH, DEAD_LETTER_HEADERS, Envelope, EventDefinition, deadLetterTopic, parseEvent } from '@opm/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { MessagingTelemetry } from '../observability/messaging-telemetry';
import { requestContext } from '../observability/request-context';
import { EventContext, EventTransport } from './event-transport';

/**
 * Thrown by a handler whose event depends on one that has not been applied yet (events of one order on
 * different topics have no order between them): the message is redelivered later, never dead-lettered.
 */
export class NotYetApplicable extends Error {}

export type EventHandler<P> = (event: Envelope<P>, manager: EntityManager) => Promise<void>;

/** Why a message could not be handled, with what the dead-letter record keeps of it. */
interface Incoming {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  raw: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Consuming side of N2. The event id is recorded in the same transaction as the handler's effect, so a
 * redelivery changes nothing. A message that cannot be parsed, or whose handler keeps failing, goes to
 * `<topic>.dlq` with the error and the consumer moves on; but when the database itself is unreachable the
 * message is not the culprit: the error propagates, the offset is not committed, and Kafka redelivers.
 */
@Injectable()
export class Inbox {
  private readonly logger = new Logger(Inbox.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly telemetry: MessagingTelemetry,
  ) {}

  /** One delivery, traced and timed by its outcome (issue 11, item 4). */
  consume<P>(consumer: string, definition: EventDefinition<P>, ctx: EventContext, handle: EventHandler<P>): Promise<void> {
    return this.telemetry.handle(consumer, ctx, () => this.deliver(consumer, definition, ctx, handle));
  }

  private async deliver<P>(consumer: string, definition: EventDefinition<P>, ctx: EventContext, handle: EventHandler<P>): Promise<void> {
    const message = ctx.getMessage();
    const incoming: Incoming = {
      topic: ctx.getTopic(),
      partition: ctx.getPartition(),
      offset: message.offset,
      key: message.key == null ? null : String(message.key),
      raw: message.value == null ? null : Buffer.isBuffer(message.value) ? message.value.toString('utf8') : String(message.value),
    };
    let decoded: unknown;
    try {
      decoded = incoming.raw == null ? null : JSON.parse(incoming.raw);
    } catch {
      return this.deadLetter(consumer, incoming, 'value is not JSON');
    }
    const parsed = parseEvent(definition, decoded);
    if (!parsed.ok) return this.deadLetter(consumer, incoming, parsed.error);
    const event = parsed.envelope;

    for (let attempt = 1; ; attempt += 1) {
      try {
        await requestContext.run({ correlationId: event.correlationId, causationId: event.eventId, actor: event.actor }, () =>
          this.dataSource.transaction(async (manager) => {
            const fresh = await manager.query(
              `INSERT INTO inbox (consumer, event_id, topic, "partition", "offset") VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT DO NOTHING RETURNING event_id`,
              [consumer, event.eventId, incoming.topic, incoming.partition, incoming.offset],
            );
            if (fresh.length === 0) {
              this.telemetry.mark('duplicate');
              this.logger.debug(`${consumer}: ${event.type} ${event.eventId} already handled; skipped`);
              return;
            }
            await handle(event, manager);
          }),
        );
        return;
      } catch (err) {
        if (err instanceof NotYetApplicable) {
          // Not the message's fault: what it builds on (an earlier event on another topic) has not arrived yet.
          this.logger.warn(`${consumer}: ${event.type} ${event.eventId} waits: ${err.message}; it will be redelivered`);
          throw err;
        }
        if (!(await this.databaseReachable())) {
          this.logger.warn(`${consumer}: database unreachable; ${event.type} ${event.eventId} will be redelivered`);
          throw err;
        }
        if (attempt >= this.config.CONSUMER_MAX_ATTEMPTS) {
          return this.deadLetter(consumer, incoming, `handler failed ${attempt} times: ${(err as Error).message}`);
        }
        this.logger.warn(`${consumer}: ${event.type} ${event.eventId} failed (attempt ${attempt}): ${(err as Error).message}`);
        await sleep(100 * 2 ** attempt);
      }
    }
  }

  private async databaseReachable(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Publishes the original message to the dead-letter topic and keeps a local record; throws if the transport is away. */
  private async deadLetter(consumer: string, incoming: Incoming, error: string): Promise<void> {
    this.telemetry.mark('dead-lettered');
    this.logger.error(`${consumer}: ${incoming.topic}@${incoming.partition}:${incoming.offset} dead-lettered: ${error}`);
    await this.transport.send([
      {
        topic: deadLetterTopic(incoming.topic),
        messages: [
          {
            key: incoming.key,
            value: incoming.raw,
            headers: {
              [DEAD_LETTER_HEADERS.error]: error.slice(0, DEAD_LETTER_ERROR_MAX_LENGTH),
              [DEAD_LETTER_HEADERS.consumer]: consumer,
              [DEAD_LETTER_HEADERS.sourceTopic]: incoming.topic,
              [DEAD_LETTER_HEADERS.sourcePartition]: String(incoming.partition),
              [DEAD_LETTER_HEADERS.sourceOffset]: incoming.offset,
            },
          },
        ],
      },
    ]);
    await this.dataSource.query(
      `INSERT INTO dead_letter (consumer, topic, "partition", "offset", message_key, value, error) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [consumer, incoming.topic, incoming.partition, incoming.offset, incoming.key, incoming.raw, error],
    );
  }
}
