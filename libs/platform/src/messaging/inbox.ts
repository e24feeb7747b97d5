import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEAD_LETTER_ERROR_MAX_LENGTH, DEAD_LETTER_HEADERS, Envelope, EventDefinition, deadLetterTopic, parseEvent } from '@opm/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { MessagingTelemetry } from '../observability/messaging-telemetry';
import { requestContext } from '../observability/request-context';
import { classifyFailure, decideRetry, FailureClass, FailureKind, NO_FAILURES, RetryLater, RetrySettings, RetryState } from './consumer-policy';
import { EventContext, EventTransport } from './event-transport';

export { NotYetApplicable, PoisonMessage } from './consumer-policy';

export type EventHandler<P> = (event: Envelope<P>, manager: EntityManager) => Promise<void>;

/** A consumed message as the inbox and the dead-letter record keep it. */
export interface Incoming {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  raw: string | null;
}

/** Messages being retried at most remembered at once (per process); the oldest is forgotten first. */
const MAX_TRACKED = 10_000;

function incomingOf(ctx: EventContext): Incoming {
  const message = ctx.getMessage();
  return {
    topic: ctx.getTopic(),
    partition: ctx.getPartition(),
    offset: message.offset,
    key: message.key == null ? null : String(message.key),
    raw: message.value == null ? null : Buffer.isBuffer(message.value) ? message.value.toString('utf8') : String(message.value),
  };
}

/** The envelope of a message, or why it can never be read (poison). */
function decode<P>(definition: EventDefinition<P>, incoming: Incoming): { ok: true; envelope: Envelope<P> } | { ok: false; error: string } {
  let decoded: unknown;
  try {
    decoded = incoming.raw == null ? null : JSON.parse(incoming.raw);
  } catch {
    return { ok: false, error: 'value is not JSON' };
  }
  const parsed = parseEvent(definition, decoded);
  return parsed.ok ? { ok: true, envelope: parsed.envelope } : { ok: false, error: parsed.error };
}

/**
 * Consuming side of N2, and the one place a consumed message is handled (every `@EventPattern` handler calls
 * `consume`). The event id is recorded in the same transaction as the handler's effect, so a redelivery (or a
 * replayed dead letter) changes nothing. A failure is classified by the consumer policy (`consumer-policy.ts`):
 * poison goes to `<topic>.dlq` and the `dead_letter` table at once; a transient failure is retried with backoff,
 * uncounted, as long as it lasts; a message waiting for its predecessor (NotYetApplicable) is retried for a bounded
 * time; anything else a few times. "Retried" means `RetryLater` is thrown to the transport, which pauses the
 * partition instead of sleeping here, so heartbeats continue.
 */
@Injectable()
export class Inbox {
  private readonly logger = new Logger(Inbox.name);
  /** What failed before, per message being retried (`consumer|topic|partition|offset`); forgotten once it is done. */
  private readonly retries = new Map<string, RetryState>();
  private readonly settings: RetrySettings;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly telemetry: MessagingTelemetry,
  ) {
    this.settings = {
      retryInitialMs: config.CONSUMER_RETRY_INITIAL_MS,
      retryMaxMs: config.CONSUMER_RETRY_MAX_MS,
      maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
      notYetApplicableMaxMs: config.CONSUMER_NOT_YET_APPLICABLE_MAX_SECONDS * 1000,
    };
  }

  /** One delivery, traced and timed by its outcome (issue 11, item 4). */
  consume<P>(consumer: string, definition: EventDefinition<P>, ctx: EventContext, handle: EventHandler<P>): Promise<void> {
    return this.telemetry.handle(consumer, ctx, () => this.deliver(consumer, definition, ctx, handle));
  }

  private async deliver<P>(consumer: string, definition: EventDefinition<P>, ctx: EventContext, handle: EventHandler<P>): Promise<void> {
    const incoming = incomingOf(ctx);
    const id = `${consumer}|${incoming.topic}|${incoming.partition}|${incoming.offset}`;
    const decoded = decode(definition, incoming);
    try {
      if (!decoded.ok) {
        await this.deadLetter(consumer, incoming, { kind: 'poison', reason: decoded.error });
      } else {
        await this.apply(consumer, decoded.envelope, incoming, handle, this.retries.get(id) ?? NO_FAILURES);
      }
      this.retries.delete(id);
    } catch (err) {
      await this.failed(id, consumer, incoming, decoded.ok ? decoded.envelope.type : definition.type, err);
    }
  }

  /** The handler's effect and the inbox row, in one transaction; a duplicate is skipped. */
  private async apply<P>(consumer: string, event: Envelope<P>, incoming: Incoming, handle: EventHandler<P>, before: RetryState): Promise<void> {
    await requestContext.run({ correlationId: event.correlationId, causationId: event.eventId, actor: event.actor }, () =>
      this.dataSource.transaction(async (manager) => {
        await this.injectedFailure(manager, consumer, before);
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
  }

  /**
   * The policy's answer to a failure: throws `RetryLater` for the transport, or dead-letters the message. A dead
   * letter that cannot be written (broker or database away) is itself a transient failure: the message comes again.
   */
  private async failed(id: string, consumer: string, incoming: Incoming, type: string, err: unknown): Promise<void> {
    let failure = classifyFailure(err);
    if (failure.kind === 'failing' || failure.kind === 'poison') failure = classifyFailure(err, { databaseReachable: await this.databaseReachable() });
    const previous = this.retries.get(id) ?? NO_FAILURES;
    let decision = decideRetry(failure, previous, Date.now(), this.settings);
    if (decision.action === 'dead-letter') {
      try {
        await this.deadLetter(consumer, incoming, { kind: failure.kind, reason: decision.reason });
        this.retries.delete(id);
        return;
      } catch (deadLetterErr) {
        decision = decideRetry({ kind: 'transient', reason: `dead letter not written: ${(deadLetterErr as Error).message}` }, previous, Date.now(), this.settings);
        if (decision.action !== 'retry') throw deadLetterErr;
      }
    }
    this.remember(id, decision.state);
    const where = `${incoming.topic}@${incoming.partition}:${incoming.offset}`;
    this.logger.warn(`${consumer}: ${type} ${where} tried again in ${decision.delayMs} ms: ${decision.reason}`);
    throw new RetryLater(decision.delayMs, decision.reason);
  }

  private remember(id: string, state: RetryState): void {
    this.retries.delete(id);
    this.retries.set(id, state);
    if (this.retries.size > MAX_TRACKED) this.retries.delete(this.retries.keys().next().value as string);
  }

  /** CONSUMER_TEST_TRANSIENT_FAILURES (never in production): a real serialization failure from PostgreSQL for the first n tries. */
  private async injectedFailure(manager: EntityManager, consumer: string, before: RetryState): Promise<void> {
    const hook = this.config.CONSUMER_TEST_TRANSIENT_FAILURES;
    if (!hook || hook.consumer !== consumer || before.failures >= hook.count || this.config.NODE_ENV === 'production') return;
    await manager.query(
      `DO $$ BEGIN RAISE EXCEPTION 'injected serialization failure (CONSUMER_TEST_TRANSIENT_FAILURES)' USING ERRCODE = '40001'; END $$`,
    );
  }

  private async databaseReachable(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Keeps a local record and publishes the original message to the dead-letter topic, in one transaction; throws if either is away. */
  private async deadLetter(consumer: string, incoming: Incoming, failure: { kind: FailureKind; reason: string } | FailureClass): Promise<void> {
    this.telemetry.mark('dead-lettered');
    this.logger.error(`${consumer}: ${incoming.topic}@${incoming.partition}:${incoming.offset} dead-lettered (${failure.kind}): ${failure.reason}`);
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO dead_letter (consumer, topic, "partition", "offset", message_key, value, error, kind) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [consumer, incoming.topic, incoming.partition, incoming.offset, incoming.key, incoming.raw, failure.reason, failure.kind],
      );
      await this.transport.send([
        {
          topic: deadLetterTopic(incoming.topic),
          messages: [
            {
              key: incoming.key,
              value: incoming.raw,
              headers: {
                [DEAD_LETTER_HEADERS.error]: failure.reason.slice(0, DEAD_LETTER_ERROR_MAX_LENGTH),
                [DEAD_LETTER_HEADERS.consumer]: consumer,
                [DEAD_LETTER_HEADERS.sourceTopic]: incoming.topic,
                [DEAD_LETTER_HEADERS.sourcePartition]: String(incoming.partition),
                [DEAD_LETTER_HEADERS.sourceOffset]: incoming.offset,
              },
            },
          ],
        },
      ]);
    });
  }
}
