/**
 * How far the change log has been seen without a hole (R6.4 resume). A change's seq is taken when the projection
 * writes it, inside a transaction that may commit after a later seq's: seen live, 10 can arrive before 9. So an
 * event's id is not its own seq but this watermark, every seq at or below it seen (or given up as never to come): a
 * client resuming from it is sent everything above it again, and misses nothing committed late. Sending a row twice
 * is harmless (it is the order's current state); skipping one is not.
 *
 * A hole that stays is a rolled-back transaction (a sequence never reuses its numbers) or one still open: after
 * `gapMs` with later seqs waiting, the watermark moves past it.
 */
export class ChangeWatermark {
  private mark: bigint;
  /** Seqs seen above the mark, with when they were first seen. */
  private readonly above = new Map<bigint, number>();

  constructor(
    start: bigint,
    private readonly gapMs: number,
  ) {
    this.mark = start;
  }

  get value(): bigint {
    return this.mark;
  }

  /** A change seen (live or from the log) at `now` (ms). */
  saw(seq: bigint, now: number): void {
    if (seq > this.mark && !this.above.has(seq)) this.above.set(seq, now);
    this.settle(now);
  }

  /** Moves the mark over every seq seen in a row, and past a hole that has waited `gapMs`. */
  settle(now: number): void {
    while (this.above.size > 0) {
      const next = this.mark + 1n;
      if (this.above.delete(next)) {
        this.mark = next;
        continue;
      }
      const waitingSince = Math.min(...this.above.values());
      if (now - waitingSince < this.gapMs) return;
      this.mark = next;
    }
  }
}
