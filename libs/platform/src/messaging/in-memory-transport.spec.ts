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
}

@Controller()
class OrdersConsumer {
  constructor(private readonly recorder: Recorder) {}

  // Reads the context exactly as Inbox.consume does.
  @EventPattern('sales.order.received.v1')
  async onReceived(@Payload() payload: Buffer, @Ctx() ctx: EventContext): Promise<void> {
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

@Module({ controllers: [OrdersConsumer], providers: [Recorder] })
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
