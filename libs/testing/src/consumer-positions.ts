import { Kafka, logLevel } from 'kafkajs';

/**
 * Every e2e file starts its stack on fresh databases but on the one broker of the run, with the same consumer
 * groups. A message an earlier stack had not committed when it stopped (one waiting for an order that stack
 * recorded, NotYetApplicable) would reach the new stack, whose databases never heard of that order, and hold
 * its partition for CONSUMER_NOT_YET_APPLICABLE_MAX_SECONDS. So before the services start, their groups are
 * moved to the end of every topic that has messages: a stack reads what is produced from its own start on,
 * as fresh databases expect. Groups with a member still inside (a process killed a moment ago) are retried
 * until their session lapses.
 */
export async function skipPastEarlierStacks(brokers: string[], groupIds: string[], timeoutMs = 20_000): Promise<void> {
  const kafka = new Kafka({ clientId: 'e2e-stack', brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } });
  const admin = kafka.admin();
  try {
    await admin.connect();
  } catch {
    return; // No broker: the services wait for one themselves, and there is nothing to skip.
  }
  try {
    const topics = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
    const ends = new Map<string, { partition: number; offset: string }[]>();
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      if (offsets.some((o) => o.high !== '0')) ends.set(topic, offsets.map((o) => ({ partition: o.partition, offset: o.high })));
    }
    if (ends.size === 0) return;
    const deadline = Date.now() + timeoutMs;
    await Promise.all(
      groupIds.map(async (groupId) => {
        for (;;) {
          try {
            await moveGroupTo(kafka, groupId, ends);
            const committed = await admin.fetchOffsets({ groupId, topics: [...ends.keys()] });
            const behind = committed.flatMap((t) =>
              t.partitions.filter((p) => p.offset !== ends.get(t.topic)?.find((e) => e.partition === p.partition)?.offset).map((p) => `${t.topic}@${p.partition}:${p.offset}`),
            );
            if (behind.length === 0) return;
            throw new Error(`offsets not moved: ${behind.slice(0, 3).join(', ')}`);
          } catch (err) {
            // A group with a member still inside (a killed process whose session has not lapsed yet) is retried.
            if (Date.now() > deadline) throw new Error(`could not move ${groupId} past earlier stacks: ${(err as Error).message}`);
            await new Promise((r) => setTimeout(r, 500));
          }
        }
      }),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * One member joins the (empty) group once for every topic, seeks each partition to its end and leaves: the seeks
 * are committed as the group's offsets. kafkajs' `admin.setOffsets` does the same one topic per join, which on a
 * broker with dozens of topics made a stack's start take minutes.
 */
async function moveGroupTo(kafka: Kafka, groupId: string, ends: Map<string, { partition: number; offset: string }[]>): Promise<void> {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 500, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    const described = await consumer.describeGroup();
    if (!['Empty', 'Dead'].includes(described.state)) throw new Error(`the group is ${described.state}, with members still inside`);
    const topics = [...ends.keys()];
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.FETCH, () => {
        consumer.stop().then(resolve, reject);
      });
      consumer.run({ autoCommit: true, eachBatchAutoResolve: false, eachBatch: async () => undefined }).catch(reject);
      consumer.pause(topics.map((topic) => ({ topic })));
      for (const [topic, partitions] of ends) for (const p of partitions) consumer.seek({ topic, partition: p.partition, offset: p.offset });
    });
  } finally {
    await consumer.disconnect();
  }
}
