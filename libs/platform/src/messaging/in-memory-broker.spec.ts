import { RetryLater } from './consumer-policy';
import { BrokerMessage, ConsumerGroupStopped, InMemoryBroker } from './in-memory-broker';

const text = (m: BrokerMessage): string => m.value?.toString('utf8') ?? '<null>';
const keyOf = (m: BrokerMessage): string => m.key?.toString('utf8') ?? '<null>';
const tick = () => new Promise((r) => setTimeout(r, 5));

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

describe('InMemoryBroker (zero-setup event transport)', () => {
  const fast = { retryInitialMs: 5, retryMaxMs: 20 };

  it('N2 messages with the same key are handled in publish order, one at a time, across publishes', async () => {
    const broker = new InMemoryBroker(fast);
    const seen = new Map<string, string[]>();
    const inFlight = new Map<number, number>();
    let overlap = false;
    broker.subscribe('g', ['t'], async (m) => {
      inFlight.set(m.partition, (inFlight.get(m.partition) ?? 0) + 1);
      if ((inFlight.get(m.partition) ?? 0) > 1) overlap = true;
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      const key = keyOf(m);
      seen.set(key, [...(seen.get(key) ?? []), text(m)]);
      inFlight.set(m.partition, (inFlight.get(m.partition) ?? 0) - 1);
    });
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const publishes = [0, 1, 2, 3].map((round) =>
      broker.publish([{ topic: 't', messages: keys.map((k) => ({ key: k, value: `${k}${round}` })) }]),
    );
    await Promise.all(publishes);
    for (const k of keys) expect(seen.get(k)).toEqual([`${k}0`, `${k}1`, `${k}2`, `${k}3`]);
    expect(overlap).toBe(false);
  });

  it('N2 every consumer group gets each message once, and publish resolves only when all have handled it', async () => {
    const broker = new InMemoryBroker(fast);
    const slow = gate();
    const a: string[] = [];
    const b: string[] = [];
    broker.subscribe('a', ['t'], async (m) => {
      a.push(text(m));
    });
    broker.subscribe('b', ['t', 'other'], async (m) => {
      await slow.promise;
      b.push(text(m));
    });
    let resolved = false;
    const published = broker.publish([{ topic: 't', messages: [{ key: 'k', value: 'one' }] }]).then(() => (resolved = true));
    await tick();
    expect(a).toEqual(['one']);
    expect(resolved).toBe(false); // group b has not handled it yet: the outbox row must stay unsent
    expect(broker.pending).toBe(1);
    slow.open();
    await published;
    expect(b).toEqual(['one']);
    expect(broker.pending).toBe(0);
  });

  it('N2 a failing handler gets the same message again until it succeeds; later messages of its partition wait', async () => {
    const broker = new InMemoryBroker(fast);
    const handled: string[] = [];
    let failures = 2;
    broker.subscribe('g', ['t'], async (m) => {
      if (text(m) === 'first' && failures > 0) {
        failures -= 1;
        throw new Error('database busy');
      }
      handled.push(`${text(m)}@${m.offset}`);
    });
    await broker.publish([{ topic: 't', messages: [{ key: 'same', value: 'first' }, { key: 'same', value: 'second' }] }]);
    expect(failures).toBe(0);
    expect(handled).toEqual(['first@0', 'second@1']);
  });

  it('N2 a partition stuck on redeliveries does not hold back other keys', async () => {
    const broker = new InMemoryBroker({ partitions: 3, retryInitialMs: 5, retryMaxMs: 5 });
    const stuckKey = 'k-stuck';
    const other = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].find((k) => broker.partitionFor(k) !== broker.partitionFor(stuckKey)) ?? 'none';
    expect(other).not.toBe('none');
    let release = false;
    const handled: string[] = [];
    broker.subscribe('g', ['t'], async (m) => {
      if (keyOf(m) === stuckKey && !release) throw new Error('not yet');
      handled.push(keyOf(m));
    });
    const stuck = broker.publish([{ topic: 't', messages: [{ key: stuckKey, value: 'x' }] }]);
    await broker.publish([{ topic: 't', messages: [{ key: other, value: 'y' }] }]);
    expect(handled).toEqual([other]);
    release = true;
    await stuck;
    expect(handled).toEqual([other, stuckKey]);
  });

  it('N2 messages carry topic, partition, offset, key, value and headers as the inbox reads them', async () => {
    const broker = new InMemoryBroker(fast);
    const got: BrokerMessage[] = [];
    broker.subscribe('g', ['t', 't.dlq'], async (m) => {
      got.push(m);
    });
    await broker.publish([
      { topic: 't', messages: [{ key: 'order-1', value: '{"a":1}' }, { key: 'order-1', value: '{"a":2}' }] },
      { topic: 't.dlq', messages: [{ key: null, value: null, headers: { 'x-dlq-error': 'bad' } }] },
    ]);
    // Partitions are handled independently: compare per topic, each in its own order.
    const byTopic = [...got].sort((x, y) => x.topic.localeCompare(y.topic));
    expect(byTopic.map((m) => [m.topic, m.partition, m.offset, keyOf(m), text(m)])).toEqual([
      ['t', broker.partitionFor('order-1'), '0', 'order-1', '{"a":1}'],
      ['t', broker.partitionFor('order-1'), '1', 'order-1', '{"a":2}'],
      ['t.dlq', 0, '0', '<null>', '<null>'],
    ]);
    expect(byTopic[2].headers['x-dlq-error'].toString()).toBe('bad');
  });

  it('N2 a topic nobody subscribes to is accepted at once', async () => {
    const broker = new InMemoryBroker(fast);
    await expect(broker.publish([{ topic: 'nobody', messages: [{ key: 'k', value: 'v' }] }])).resolves.toBeUndefined();
  });

  it('N2 stopping a group lets the handler in flight finish and fails the publications still waiting on it', async () => {
    const broker = new InMemoryBroker(fast);
    const inFlight = gate();
    const handled: string[] = [];
    const sub = broker.subscribe('g', ['t'], async (m) => {
      if (text(m) === 'first') await inFlight.promise;
      handled.push(text(m));
    });
    const first = broker.publish([{ topic: 't', messages: [{ key: 'k', value: 'first' }] }]);
    const second = broker.publish([{ topic: 't', messages: [{ key: 'k', value: 'second' }] }]);
    await tick();
    const closing = sub.close();
    inFlight.open();
    await closing;
    await expect(first).resolves.toBeUndefined();
    await expect(second).rejects.toBeInstanceOf(ConsumerGroupStopped);
    expect(handled).toEqual(['first']);
    // After it stopped, the group gets nothing more; a new member of the group can join.
    await broker.publish([{ topic: 't', messages: [{ key: 'k', value: 'third' }] }]);
    expect(handled).toEqual(['first']);
    expect(() => broker.subscribe('g', ['t'], async () => undefined)).not.toThrow();
  });

  it('N2 stopping a group interrupts the wait before a redelivery', async () => {
    const broker = new InMemoryBroker({ retryInitialMs: 60_000, retryMaxMs: 60_000 });
    const sub = broker.subscribe('g', ['t'], async () => {
      throw new Error('always');
    });
    const published = broker.publish([{ topic: 't', messages: [{ key: 'k', value: 'v' }] }]);
    await tick();
    const started = Date.now();
    await sub.close();
    await expect(published).rejects.toBeInstanceOf(ConsumerGroupStopped);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('issue-11.3 a redelivery waits what the consumer policy asked for (RetryLater), not the broker\'s own backoff', async () => {
    const broker = new InMemoryBroker({ retryInitialMs: 60_000, retryMaxMs: 60_000 });
    let tries = 0;
    broker.subscribe('g', ['t'], async () => {
      tries += 1;
      if (tries < 3) throw new RetryLater(10, 'deadlock');
    });
    const started = Date.now();
    await broker.publish([{ topic: 't', messages: [{ key: 'k', value: 'v' }] }]);
    expect(tries).toBe(3);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('N2 while held, publications wait, so a group attached during start-up misses nothing', async () => {
    const broker = new InMemoryBroker(fast);
    const release = broker.hold();
    const releaseToo = broker.hold();
    let resolved = false;
    const published = broker.publish([{ topic: 't', messages: [{ key: 'k', value: 'early' }] }]).then(() => (resolved = true));
    const got: string[] = [];
    broker.subscribe('late', ['t'], async (m) => {
      got.push(text(m));
    });
    release();
    release(); // releasing twice counts once
    await tick();
    expect(resolved).toBe(false);
    releaseToo();
    await published;
    expect(got).toEqual(['early']);
  });

  it('N2 one member per consumer group: a second one is refused with a message naming the group', () => {
    const broker = new InMemoryBroker(fast);
    broker.subscribe('sales', ['t'], async () => undefined);
    expect(() => broker.subscribe('sales', ['t'], async () => undefined)).toThrow(/consumer group sales/);
  });
});
