import { eventBreakingChanges, refusedEventChanges } from './event-breaking-changes';

const doc = (payload: object, version = '1.0.0', channels: string[] = ['sales.order.received.v1']) => ({
  info: { version },
  channels: Object.fromEntries(channels.map((c) => [c, {}])),
  components: { messages: { SalesOrderReceivedV1: { payload } } },
});
const envelope = (fields: Record<string, object>, required: string[]) => ({
  type: 'object',
  properties: { payload: { type: 'object', properties: fields, required } },
  required: ['payload'],
});
const base = envelope({ orderId: { type: 'string', format: 'uuid' }, channel: { type: 'string', enum: ['PHONE', 'EMAIL'] }, note: { type: 'string' } }, ['orderId', 'channel']);

describe(eventBreakingChanges.name, () => {
  it('N2 a new optional or required field, a new description, or the same document break no consumer', () => {
    expect(eventBreakingChanges(doc(base), doc(base))).toEqual([]);
    const grown = envelope(
      { orderId: { type: 'string', format: 'uuid', description: 'the order' }, channel: { type: 'string', enum: ['PHONE', 'EMAIL'] }, note: { type: 'string' }, extra: { type: 'integer' } },
      ['orderId', 'channel', 'extra'],
    );
    expect(eventBreakingChanges(doc(base), doc(grown))).toEqual([]);
  });

  it('N2 a removed channel, message or field, a field no longer always there, a changed type or a new enum value break consumers', () => {
    const changed = envelope({ orderId: { type: 'integer' }, channel: { type: 'string', enum: ['PHONE', 'EMAIL', 'FAX'] } }, ['channel']);
    expect(eventBreakingChanges(doc(base), doc(changed, '1.0.0', []))).toEqual([
      { where: 'channel sales.order.received.v1', change: 'channel removed' },
      { where: 'message SalesOrderReceivedV1.payload.orderId', change: 'no longer always present' },
      { where: 'message SalesOrderReceivedV1.payload.orderId', change: 'type or format changed' },
      { where: 'message SalesOrderReceivedV1.payload.channel', change: 'may now carry "FAX"' },
      { where: 'message SalesOrderReceivedV1.payload.note', change: 'field removed' },
    ]);
    expect(eventBreakingChanges(doc(base), { info: { version: '1.0.0' }, channels: {}, components: { messages: {} } })).toContainEqual({
      where: 'message SalesOrderReceivedV1',
      change: 'message removed',
    });
  });

  it('N2 a breaking change is refused unless the document version moved', () => {
    const narrowed = envelope({ orderId: { type: 'string', format: 'uuid' } }, ['orderId']);
    expect(refusedEventChanges(doc(base), doc(narrowed)).length).toBeGreaterThan(0);
    expect(refusedEventChanges(doc(base), doc(narrowed, '2.0.0'))).toEqual([]);
  });
});
