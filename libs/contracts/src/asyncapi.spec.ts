import { AsyncAPIDocumentInterface, Diagnostic, DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import { randomUUID } from 'node:crypto';
import { asyncApiDocument, DEAD_LETTER_MESSAGE, envelopeJsonSchema } from './asyncapi';
import { Envelope } from './envelope';
import { deadLetterTopic, eventName, parseEvent } from './event-definition';
import * as contracts from './index';
import { SalesCustomerRegistered, SalesCustomerRegisteredV1 } from './events/sales-customer-registered/sales-customer-registered.event';
import { ALL_EVENTS, allTopics } from './topics';

// The reference parser (@asyncapi/parser): the AsyncAPI 3.0 JSON Schema, the payload schemas, $refs and the
// spec's own rules (operations use their channel's messages, unique ids, ...). Nothing here reaches the network.

/** The one finding allowed: AsyncAPI 3.1 exists; the document stays on 3.0 until its readers move (issue 12). */
const ACCEPTED = new Set(['asyncapi-latest-version']);
const severity = (d: Diagnostic) => DiagnosticSeverity[d.severity];

describe('asyncApiDocument()', () => {
  const written = asyncApiDocument();
  let parsed: AsyncAPIDocumentInterface;

  beforeAll(async () => {
    // Through JSON, as it is served and checked in.
    const { document, diagnostics } = await new Parser().parse(JSON.parse(JSON.stringify(written)));
    expect(diagnostics.filter((d) => !ACCEPTED.has(String(d.code))).map((d) => `${severity(d)} ${d.code} at ${d.path.join('/')}: ${d.message}`)).toEqual([]);
    expect(document).toBeDefined();
    parsed = document as AsyncAPIDocumentInterface;
  });

  it('is an AsyncAPI 3.0 document the reference parser accepts without a finding', () => {
    expect(parsed.version()).toBe('3.0.0');
  });

  it('has a channel for each topic and for its dead-letter topic', () => {
    expect(parsed.channels().all().map((c) => c.address()).sort()).toEqual(allTopics().sort());
  });

  it('says which services publish and which consume each event, and that consumers dead-letter to <topic>.dlq', () => {
    const flows = (action: 'send' | 'receive', address: string) =>
      parsed
        .operations()
        .all()
        .filter((o) => o.action() === action && o.channels().all().some((c) => c.address() === address))
        .map((o) => o.tags().all().map((t) => t.name()).join())
        .sort();
    for (const event of ALL_EVENTS) {
      expect({ event: event.type, publishers: flows('send', event.topic), consumers: flows('receive', event.topic) }).toEqual({
        event: event.type,
        publishers: [...event.publishers].sort(),
        consumers: [...event.consumers].sort(),
      });
      expect(flows('send', deadLetterTopic(event.topic))).toEqual([...event.consumers].sort());
    }
  });

  it("describes each event's message: its description, version, envelope with the payload schema, and key", () => {
    for (const event of ALL_EVENTS) {
      const message = parsed.messages().get(eventName(event));
      expect(message?.description()).toBe(event.description);
      expect(message?.extensions().get('x-event-version')?.value()).toBe(event.version);
      const envelope = message?.payload()?.json() as { properties?: Record<string, unknown> } | undefined;
      expect(Object.keys(envelope?.properties ?? {})).toEqual(['eventId', 'type', 'version', 'occurredAt', 'orderId', 'correlationId', 'causationId', 'actor', 'payload']);
      expect(envelope?.properties?.type).toMatchObject({ const: event.type });
      expect(envelope?.properties?.version).toMatchObject({ const: event.version });
      expect(envelope?.properties?.orderId).toMatchObject({ type: event.key === 'orderId' ? 'string' : 'null' });
      expect(message?.bindings().get('kafka')?.value()).toMatchObject({ key: { type: 'string' } });
    }
    expect(parsed.messages().get(DEAD_LETTER_MESSAGE)?.headers()?.required()).toEqual([
      'x-dlq-error',
      'x-dlq-consumer',
      'x-dlq-source-topic',
      'x-dlq-source-partition',
      'x-dlq-source-offset',
    ]);
  });

  it('names each message and channel as the definition is exported', () => {
    const exported = contracts as unknown as Record<string, unknown>;
    for (const event of ALL_EVENTS) expect(exported[eventName(event)]).toBe(event);
  });
});

describe('envelopeJsonSchema()', () => {
  // The JSON Schema and the zod schema the consumers validate with agree on what a consumer accepts.
  const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(envelopeJsonSchema(SalesCustomerRegisteredV1));
  const envelope = (payload: Partial<SalesCustomerRegistered> & Record<string, unknown>, header: Partial<Envelope> = {}): Envelope => ({
    eventId: randomUUID(),
    type: SalesCustomerRegisteredV1.type,
    version: SalesCustomerRegisteredV1.version,
    occurredAt: '2026-12-01T09:00:00.000Z',
    orderId: null,
    correlationId: 'c-1',
    causationId: null,
    actor: { username: 'sales.staff', department: 'SALES', role: 'STAFF' },
    payload,
    ...header,
  });
  const customer = { customerId: randomUUID(), name: 'ACME', contactPerson: 'Ann', phone: '+86 10 1234', email: null, address: null };

  it.each([
    ['a valid event', envelope(customer), true, true],
    ['a field it does not know yet', envelope({ ...customer, fax: '123' }), true, true],
    ['a missing payload field', envelope({ ...customer, name: undefined }), false, false],
    ['a wrong type', envelope(customer, { type: 'sales.customer.deleted' }), false, false],
    ['another version', envelope(customer, { version: 2 }), false, false],
    // The document says what publishers send (the Outbox sets orderId only for an order's events); parseEvent takes either.
    ['an order id on master data', envelope(customer, { orderId: randomUUID() }), false, true],
  ])('JSON Schema and zod on %s', (_case, value, schemaValid, zodValid) => {
    const json = JSON.parse(JSON.stringify(value));
    expect(validate(json)).toBe(schemaValid);
    expect(parseEvent(SalesCustomerRegisteredV1, json).ok).toBe(zodValid);
  });
});
