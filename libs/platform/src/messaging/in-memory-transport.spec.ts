import { Controller, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { INestMicroservice } from '@nestjs/common';
import type { EventContext } from './event-transport';
import { InMemoryBroker } from './in-memory-broker';
import { InMemoryContext, InMemoryTransportServer } from './in-memory-transport';

interface Seen {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  payload: string;
}

@Injectable()
class Recorder {
  readonly seen: Seen[] = [];
  failuresLeft = 0;
  /** What the second handler of the same topic finished, and how often it should fail first. */
  readonly chained: string[] = [];
  chainedFailuresLeft = 0;
  /** When each handler started and finished, and how long the first one takes. */
  readonly steps: string[] = [];
  firstDelayMs = 0;
}

@Controller()
class OrdersConsumer {
  constructor(private readonly recorder: Recorder) {}

  // Reads the context exactly as Inbox.consume does.
  @EventPattern('sales.order.received.v1')
  async onReceived(@Payload() payload: Buffer, @Ctx() ctx: EventContext): Promise<void> {
    this.recorder.steps.push('first started');
    if (this.recorder.firstDelayMs) await new Promise((r) => setTimeout(r, this.recorder.firstDelayMs));
    this.recorder.steps.push('first finished');
    if (this.recorder.failuresLeft > 0) {
      this.recorder.failuresLeft -= 1;
      throw new Error('handler failed');
    }
    const message = ctx.getMessage();
    this.recorder.seen.push({
      topic: ctx.getTopic(),
      partition: ctx.getPartition(),
      offset: message.offset,
      key: message.key == null ? null : String(message.key),
      value: message.value == null ? null : message.value.toString('utf8'),
      payload: payload.toString('utf8'),
    });
    expect(ctx).toBeInstanceOf(InMemoryContext);
  }
}

/**
 * A second consumer of the same topic in the same service (sales' ledger beside its settlement stage): Nest chains it
 * behind the first; it is slower than the first, so a transport that did not wait for the chain would move on early.
 */
@Controller()
class SecondOrdersConsumer {
  constructor(private readonly recorder: Recorder) {}

  @EventPattern('sales.order.received.v1')
  async onReceived(@Payload() payload: Buffer): Promise<void> {
    this.recorder.steps.push('second started');
    await new Promise((r) => setTimeout(r, 30));
    if (this.recorder.chainedFailuresLeft > 0) {
      this.recorder.chainedFailuresLeft -= 1;
      throw new Error('second handler failed');
    }
    this.recorder.chained.push(payload.toString('utf8'));
  }
}

@Module({ controllers: [OrdersConsumer, SecondOrdersConsumer], providers: [Recorder] })
class ConsumerModule {}

describe('InMemoryTransportServer (Nest custom transport on the in-memory broker)', () => {
  let app: INestMicroservice | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function start(broker: InMemoryBroker): Promise<Recorder> {
    app = await NestFactory.createMicroservice(ConsumerModule, { strategy: new InMemoryTransportServer(broker, 'production'), logger: false });
    await app.listen();
    return app.get(Recorder);
  }

  it('N2 @EventPattern handlers get each message with a context the inbox can read (topic, partition, offset, key, value)', async () => {
    const broker = new InMemoryBroker({ retryInitialMs: 5, retryMaxMs: 10 });
    const recorder = await start(broker);
    await broker.publish([{ topic: 'sales.order.received.v1', messages: [{ key: 'order-7', value: '{"n":1}' }] }]);
    expect(recorder.seen).toEqual([
      { topic: 'sales.order.received.v1', partition: broker.partitionFor('order-7'), offset: '0', key: 'order-7', value: '{"n":1}', payload: '{"n":1}' },
    ]);
  });

  it('N2 a handler that throws (answered by the exception filter) gets the message again, as on Kafka', async () => {
    const broker = new InMemoryBroker({ retryInitialMs: 5, retryMaxMs: 10 });
    const recorder = await start(broker);
    recorder.failuresLeft = 2;
    await broker.publish([{ topic: 'sales.order.received.v1', messages: [{ key: 'order-8', value: 'v' }] }]);
    expect(recorder.failuresLeft).toBe(0);
    expect(recorder.seen.map((s) => s.value)).toEqual(['v']);
  });

  it('N2 two handlers of one topic in one service: the message counts as handled only when both have finished', async () => {
    const broker = new InMemoryBroker({ retryInitialMs: 5, retryMaxMs: 10 });
    const recorder = await start(broker);
    await broker.publish([{ topic: 'sales.order.received.v1', messages: [{ key: 'order-10', value: 'a' }] }]);
    expect(recorder.chained).toEqual(['a']);
  });

  it('N2 two handlers of one topic run one after the other, never side by side (one database connection per message at a time)', async () => {
    const broker = new InMemoryBroker({ retryInitialMs: 5, retryMaxMs: 10 });
    const recorder = await start(broker);
    recorder.firstDelayMs = 40;
    await broker.publish([{ topic: 'sales.order.received.v1', messages: [{ key: 'order-12', value: 'c' }] }]);
    expect(recorder.steps).toEqual(['first started', 'first finished', 'second started']);
  });

  it('N2 a failure of the first handler stops the chain: the second runs only once the first has succeeded', async () => {
    const broker = new InMemoryBroker({ retryInitialMs: 5, retryMaxMs: 10 });
    const recorder = await start(broker);
    recorder.failuresLeft = 1;
    await broker.publish([{ topic: 'sales.order.received.v1', messages: [{ key: 'order-13', value: 'd' }] }]);
    expect(recorder.steps).toEqual(['first started', 'first finished', 'first started', 'first finished', 'second started']);
    expect(recorder.chained).toEqual(['d']);
  });

  it('N2 a failure of the chained handler alone sends the message again (each handler makes itself idempotent with its inbox)', async () => {
    const broker = new InMemoryBroker({ retryInitialMs: 5, retryMaxMs: 10 });
    const recorder = await start(broker);
    recorder.chainedFailuresLeft = 1;
    await broker.publish([{ topic: 'sales.order.received.v1', messages: [{ key: 'order-11', value: 'b' }] }]);
    expect(recorder.chainedFailuresLeft).toBe(0);
    expect(recorder.chained).toEqual(['b']);
    expect(recorder.seen.map((s) => s.value)).toEqual(['b', 'b']);
  });

  it('N2 closing the app detaches its consumer group: publications waiting on it fail instead of hanging', async () => {
    const broker = new InMemoryBroker({ retryInitialMs: 5, retryMaxMs: 10 });
    const recorder = await start(broker);
    recorder.failuresLeft = Number.MAX_SAFE_INTEGER;
    const published = broker.publish([{ topic: 'sales.order.received.v1', messages: [{ key: 'order-9', value: 'v' }] }]);
    await new Promise((r) => setTimeout(r, 20));
    await app?.close();
    app = undefined;
    await expect(published).rejects.toThrow(/stopped/);
    expect(recorder.seen).toEqual([]);
  });
});
