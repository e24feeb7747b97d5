import { ChangeWatermark } from './change-watermark';

describe('monitoring stream resume point (R6.4)', () => {
  it('R6.4 moves over seqs seen in a row', () => {
    const w = new ChangeWatermark(5n, 30_000);
    w.saw(6n, 0);
    w.saw(7n, 0);
    expect(w.value).toBe(7n);
  });

  it('R6.4 a seq committed after a later one holds the mark below the hole until it arrives, so a resume sends it', () => {
    const w = new ChangeWatermark(8n, 30_000);
    w.saw(10n, 0);
    expect(w.value).toBe(8n);
    w.saw(9n, 100);
    expect(w.value).toBe(10n);
  });

  it('R6.4 a hole that stays (a rolled-back transaction) is passed once later seqs have waited long enough', () => {
    const w = new ChangeWatermark(8n, 30_000);
    w.saw(10n, 0);
    w.saw(11n, 1000);
    w.settle(29_999);
    expect(w.value).toBe(8n);
    w.settle(30_000);
    expect(w.value).toBe(11n);
  });

  it('R6.4 seqs at or below the mark change nothing', () => {
    const w = new ChangeWatermark(8n, 30_000);
    w.saw(3n, 0);
    w.saw(8n, 0);
    expect(w.value).toBe(8n);
  });
});
