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
    const deadline = Date.now() + timeoutMs;
    await Promise.all(
      groupIds.map(async (groupId) => {
        for (const [topic, partitions] of ends) {
          for (;;) {
            try {
              await admin.setOffsets({ groupId, topic, partitions });
              break;
            } catch (err) {
              // "The consumer group must have no running instances": a killed member's session has not lapsed yet.
              if (Date.now() > deadline) throw new Error(`could not move ${groupId} past earlier stacks on ${topic}: ${(err as Error).message}`);
              await new Promise((r) => setTimeout(r, 500));
            }
          }
        }
      }),
    );
  } finally {
    await admin.disconnect();
  }
}
