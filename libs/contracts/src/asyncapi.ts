import { z } from 'zod';
import { ServiceName } from './enums';
import { EnvelopeSchema } from './envelope';
import {
  DEAD_LETTER_ERROR_MAX_LENGTH,
  DEAD_LETTER_HEADERS,
  EventDefinition,
  deadLetterTopic,
  eventName,
  keyedByOrder,
} from './event-definition';
import { ALL_EVENTS } from './topics';

/**
 * The AsyncAPI document of every event in ALL_EVENTS, made from the definitions alone (schema, description, key,
 * publishers, consumers), so it cannot say something the contracts do not. docs/api/asyncapi.json is this
 * document as written by `npm run contracts:asyncapi`; a unit test fails when the two differ.
 */

export const ASYNCAPI_VERSION = '3.0.0';
/** The document's own version: raise the minor for an added event or version, the major for a removed one. */
export const ASYNCAPI_DOCUMENT_VERSION = '1.0.0';
const KAFKA_BINDING_VERSION = '0.5.0';

/** A JSON Schema (draft-07), which AsyncAPI's default schema format is a superset of. */
export type JsonSchema = { [keyword: string]: unknown };
export interface AsyncApiReference {
  $ref: string;
}
export interface AsyncApiTag {
  name: string;
  description?: string;
}
export interface AsyncApiChannel {
  address: string;
  title: string;
  description: string;
  messages: Record<string, AsyncApiReference>;
}
export interface AsyncApiOperation {
  action: 'send' | 'receive';
  channel: AsyncApiReference;
  messages: AsyncApiReference[];
  summary: string;
  tags: AsyncApiTag[];
}
export interface AsyncApiMessage {
  name: string;
  title: string;
  summary: string;
  description: string;
  contentType: string;
  headers?: JsonSchema;
  payload: JsonSchema;
  correlationId?: { description: string; location: string };
  bindings: { kafka: { key: JsonSchema; bindingVersion: string } };
  'x-event-type'?: string;
  'x-event-version'?: number;
}
export interface AsyncApiDocument {
  asyncapi: typeof ASYNCAPI_VERSION;
  info: { title: string; version: string; description: string; tags: AsyncApiTag[] };
  defaultContentType: string;
  servers: Record<string, { host: string; protocol: string; description: string }>;
  channels: Record<string, AsyncApiChannel>;
  operations: Record<string, AsyncApiOperation>;
  components: { messages: Record<string, AsyncApiMessage> };
}

/** The message that every `<topic>.dlq` channel carries. */
export const DEAD_LETTER_MESSAGE = 'DeadLetter';

/**
 * Zod's JSON Schema of what a consumer accepts (`io: 'input'`, as parseEvent validates: fields it does not
 * know are let through), in draft-07, the dialect AsyncAPI 3.0's default schema format extends. Every
 * sub-schema is inlined: a `$ref` inside a payload would resolve against the AsyncAPI document.
 */
function toJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'throw' });
  return rest;
}

const describedLike = <S extends z.ZodType>(schema: S, like: z.ZodType): S => (like.description ? schema.describe(like.description) : schema);

/** The envelope of one event as it travels: its type and version fixed, its payload schema in place. */
export function envelopeJsonSchema(definition: EventDefinition<unknown>): JsonSchema {
  const shape = EnvelopeSchema.shape;
  return toJsonSchema(
    EnvelopeSchema.extend({
      type: describedLike(z.literal(definition.type), shape.type),
      version: describedLike(z.literal(definition.version), shape.version),
      orderId: describedLike(keyedByOrder(definition) ? z.uuid() : z.null(), shape.orderId),
      payload: definition.payload,
    }),
  );
}

/** The message key's schema: the payload field it is taken from. */
function keyJsonSchema(definition: EventDefinition<unknown>): JsonSchema {
  const properties = toJsonSchema(definition.payload).properties as Record<string, JsonSchema> | undefined;
  const field = properties?.[definition.key];
  if (!field) throw new Error(`${definition.type}: key ${definition.key} is not a field of its payload`);
  const description = keyedByOrder(definition)
    ? "The order id (the payload's and the envelope's `orderId`): the events of one order stay in order."
    : `The payload's \`${definition.key}\` (master data; the envelope's \`orderId\` is null): the events of one entity stay in order.`;
  return { ...field, description };
}

/** Up to the first full stop, colon or semicolon: what happened, without what follows from it. */
const firstClause = (text: string): string => /^(.*?)[.:;](?:\s|$)/.exec(text)?.[1] ?? text;
const sentenceList = (services: readonly string[]): string =>
  services.length <= 1 ? services.join('') : `${services.slice(0, -1).join(', ')} and ${services[services.length - 1]}`;

function eventMessage(definition: EventDefinition<unknown>): AsyncApiMessage {
  return {
    name: eventName(definition),
    title: `${definition.type} v${definition.version}`,
    summary: firstClause(definition.description),
    description: definition.description,
    contentType: 'application/json',
    payload: envelopeJsonSchema(definition),
    correlationId: {
      description: 'The envelope\'s correlationId: the request that started it all, passed on to every event that follows.',
      location: '$message.payload#/correlationId',
    },
    bindings: { kafka: { key: keyJsonSchema(definition), bindingVersion: KAFKA_BINDING_VERSION } },
    'x-event-type': definition.type,
    'x-event-version': definition.version,
  };
}

function deadLetterMessage(): AsyncApiMessage {
  const header = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', ...extra, description });
  return {
    name: DEAD_LETTER_MESSAGE,
    title: 'Dead letter',
    summary: 'A message that a consumer could not handle, as it was received, with the reason in its headers.',
    description:
      'A consumer sends a message here when it is not valid JSON, fails its envelope or payload schema, its handler refused ' +
      'it (poison), waited CONSUMER_NOT_YET_APPLICABLE_MAX_SECONDS for the event it builds on, or failed CONSUMER_MAX_ATTEMPTS ' +
      'times for an unknown reason; it also records it in its service\'s `dead_letter` table (listed and replayed by an ' +
      'operator at `/<service>/dead-letters`) and moves on. A transient failure (deadlock, serialization failure, lost ' +
      'connection, the database or broker away) never sends a message here: it is retried (README "Messaging guarantees").',
    contentType: 'application/octet-stream',
    headers: {
      type: 'object',
      properties: {
        [DEAD_LETTER_HEADERS.error]: header('Why it was dead-lettered.', { maxLength: DEAD_LETTER_ERROR_MAX_LENGTH }),
        [DEAD_LETTER_HEADERS.consumer]: header("The inbox consumer that gave up on it (`<service>.<purpose>`)."),
        [DEAD_LETTER_HEADERS.sourceTopic]: header('The topic it came from.'),
        [DEAD_LETTER_HEADERS.sourcePartition]: header('Its partition there.', { pattern: '^\\d+$' }),
        [DEAD_LETTER_HEADERS.sourceOffset]: header('Its offset there.', { pattern: '^\\d+$' }),
      },
      required: Object.values(DEAD_LETTER_HEADERS),
    },
    payload: {
      description: "The original value, unchanged: normally the event's envelope as JSON, but it may not be JSON at all.",
    },
    bindings: {
      kafka: { key: { type: ['string', 'null'], description: "The original message's key, unchanged." }, bindingVersion: KAFKA_BINDING_VERSION },
    },
  };
}

const channelRef = (channel: string): AsyncApiReference => ({ $ref: `#/channels/${channel}` });
const channelMessageRef = (channel: string, message: string): AsyncApiReference => ({ $ref: `#/channels/${channel}/messages/${message}` });
const deadLetterChannel = (definition: EventDefinition<unknown>): string => `${eventName(definition)}DeadLetter`;

function eventChannels(definition: EventDefinition<unknown>): Record<string, AsyncApiChannel> {
  const name = eventName(definition);
  const consumed = definition.consumers.length
    ? `Consumed by ${sentenceList(definition.consumers)}.`
    : 'No service of the platform consumes it (yet): it is there for followers and integrations.';
  return {
    [name]: {
      address: definition.topic,
      title: `${definition.type} v${definition.version}`,
      description:
        `${definition.description}\n\nPublished by ${sentenceList(definition.publishers)}. ${consumed} ` +
        `Keyed by \`${definition.key}\`. What a consumer cannot handle goes to \`${deadLetterTopic(definition.topic)}\`.`,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    },
    [deadLetterChannel(definition)]: {
      address: deadLetterTopic(definition.topic),
      title: `${definition.type} v${definition.version} dead letters`,
      description: `The messages of \`${definition.topic}\` that a consumer could not handle, for an operator to inspect.`,
      messages: { [DEAD_LETTER_MESSAGE]: { $ref: `#/components/messages/${DEAD_LETTER_MESSAGE}` } },
    },
  };
}

function eventOperations(definition: EventDefinition<unknown>): Record<string, AsyncApiOperation> {
  const name = eventName(definition);
  const dlq = deadLetterChannel(definition);
  const operations: Record<string, AsyncApiOperation> = {};
  const add = (service: ServiceName, id: string, operation: Omit<AsyncApiOperation, 'tags'>) => {
    operations[`${service}.${id}`] = { ...operation, tags: [{ name: service }] };
  };
  for (const service of definition.publishers) {
    add(service, `send.${name}`, {
      action: 'send',
      channel: channelRef(name),
      messages: [channelMessageRef(name, name)],
      summary: `${service} publishes it through its outbox, in the transaction of the state change.`,
    });
  }
  for (const service of definition.consumers) {
    add(service, `receive.${name}`, {
      action: 'receive',
      channel: channelRef(name),
      messages: [channelMessageRef(name, name)],
      summary: `${service} consumes it through its inbox: an eventId it has handled is skipped.`,
    });
    add(service, `send.${dlq}`, {
      action: 'send',
      channel: channelRef(dlq),
      messages: [channelMessageRef(dlq, DEAD_LETTER_MESSAGE)],
      summary: `${service} dead-letters what it cannot handle.`,
    });
  }
  return operations;
}

/** The platform's AsyncAPI 3.0 document: one channel per topic and one per dead-letter topic, operations per service. */
export function asyncApiDocument(): AsyncApiDocument {
  const services = [...new Set(ALL_EVENTS.flatMap((e) => [...e.publishers, ...e.consumers]))].sort();
  return {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: 'Order-process platform events',
      version: ASYNCAPI_DOCUMENT_VERSION,
      description:
        'The events the services exchange over Kafka. Topics are `<owner>.<entity>.<fact>.v<N>`; each message is a JSON ' +
        'envelope (eventId, type, version, occurredAt, orderId, correlationId, causationId, actor) around the payload. ' +
        'A service writes an event into its outbox in the transaction of the state change and a relay sends it, so it ' +
        'is delivered at least once: consumers skip an eventId they have handled (inbox). Messages are keyed by order ' +
        'id (master data by its own id), so the events of one key arrive in order. Each topic has a `<topic>.dlq` ' +
        'dead-letter topic. Operations are named `<service>.send|receive.<channel>` and tagged with the service.',
      tags: services.map((name) => ({ name, description: `The ${name} service.` })),
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: {
        host: 'localhost:9092',
        protocol: 'kafka',
        description:
          'The brokers in KAFKA_BROKERS (localhost:9092 by default). Every service creates the topics and their `.dlq` ' +
          'topics at start-up (broker auto-creation is off). With EVENT_TRANSPORT=memory the same topics live in one process.',
      },
    },
    channels: Object.assign({}, ...ALL_EVENTS.map(eventChannels)),
    operations: Object.assign({}, ...ALL_EVENTS.map(eventOperations)),
    components: {
      messages: {
        ...Object.fromEntries(ALL_EVENTS.map((e) => [eventName(e), eventMessage(e)])),
        [DEAD_LETTER_MESSAGE]: deadLetterMessage(),
      },
    },
  };
}
