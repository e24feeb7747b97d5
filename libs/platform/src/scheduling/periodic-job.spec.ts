import { PeriodicJob } from './periodic-job';

describe(PeriodicJob.name, () => {
  it('runs at start and on its interval, one run at a time; stop waits for the run in progress', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const job = new PeriodicJob('test job', 10, () => {
      runs += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    job.start();
    expect(runs).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    // Ticks while the first run is still going are skipped.
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(1);
  });

  it('a failing run is logged and the next tick runs again', async () => {
    let runs = 0;
    const job = new PeriodicJob('failing job', 10, async () => {
      runs += 1;
      throw new Error('database away');
    });
    job.start();
    await new Promise((r) => setTimeout(r, 45));
    await job.stop();
    expect(runs).toBeGreaterThan(1);
  });
});
