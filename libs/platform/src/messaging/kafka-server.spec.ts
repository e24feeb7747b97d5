import { PartitionControl, PausedPartitions } from './kafka-server';

/** A consumer port recording calls; `resume` throws as kafkajs' does while its consumer group is gone after a crash. */
function consumerPort(resumeThrows = false) {
  const calls: string[] = [];
  const port: PartitionControl = {
    pause: (tp) => void calls.push(`pause ${tp[0].topic}@${tp[0].partitions?.[0]}`),
    seek: ({ topic, partition, offset }) => void calls.push(`seek ${topic}@${partition}:${offset}`),
    resume: (tp) => {
      if (resumeThrows) throw new Error('Consumer group was not initialized, consumer#run must be called first');
      calls.push(`resume ${tp[0].topic}@${tp[0].partitions?.[0]}`);
    },
  };
  return { port, calls };
}
const logger = { debug: jest.fn(), warn: jest.fn() };

describe('PausedPartitions (issue-11.8b, N2)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('issue-11.8b rewinds the partition to the message and resumes it after the delay', () => {
    const { port, calls } = consumerPort();
    const paused = new PausedPartitions(port, logger);
    paused.retryLater('t', 3, '41', 500);
    expect(calls).toEqual(['pause t@3', 'seek t@3:41']);
    jest.advanceTimersByTime(499);
    expect(calls).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(calls).toEqual(['pause t@3', 'seek t@3:41', 'resume t@3']);
    expect(paused.pending).toBe(0);
  });

  it('N2 a resume due after the consumer crashed (broker gone) does not throw from its timer and take the service down', () => {
    const { port } = consumerPort(true);
    const paused = new PausedPartitions(port, logger);
    paused.retryLater('t', 0, '7', 100);
    expect(() => jest.advanceTimersByTime(100)).not.toThrow();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('t@0:7 not resumed'));
  });

  it('N2 a crash clears the pending resumes: the restarted consumer reads from the committed offset', () => {
    const { port, calls } = consumerPort();
    const paused = new PausedPartitions(port, logger);
    paused.retryLater('t', 1, '9', 100);
    paused.clear();
    jest.advanceTimersByTime(1000);
    expect(calls).toEqual(['pause t@1', 'seek t@1:9']);
    expect(paused.pending).toBe(0);
  });
});
