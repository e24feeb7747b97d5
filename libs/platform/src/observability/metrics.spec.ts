import { Metrics } from './metrics';
import { partitionLag } from './service-metrics';

/** The value of the sample of `name` whose labels include all of `labels` (label order is the registry's). */
function sampleValue(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.split(' ').pop()?.replace(/^Nan$/, 'NaN'));
}

describe('Metrics registry', () => {
  it('N6 issue11.4 every series carries the service label and the opm_ prefix, process metrics included', async () => {
    const metrics = new Metrics('quality');
    metrics.httpDuration.observe({ method: 'GET', route: '/orders/{id}', status: '200' }, 0.02);
    const text = await metrics.text();
    const names = new Set(text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(/[{ ]/, 1)[0]));
    expect([...names].filter((n) => !n.startsWith('opm_'))).toEqual([]);
    expect([...names]).toEqual(expect.arrayContaining(['opm_process_cpu_user_seconds_total', 'opm_nodejs_heap_size_used_bytes', 'opm_http_request_duration_seconds_bucket']));
    expect(text.split('\n').filter((l) => l.startsWith('opm_') && !l.includes('service="quality"'))).toEqual([]);
    expect(sampleValue(text, 'opm_http_request_duration_seconds_count', { method: 'GET', route: '/orders/{id}', status: '200', service: 'quality' })).toBe(1);
  });

  it('N6 issue11.4 a gauge whose source cannot be read says NaN (not 0) and the failure is counted', async () => {
    const metrics = new Metrics('sales');
    let fail = false;
    metrics.gauge('opm_test_backlog', 'test', [], async (g) => {
      if (fail) throw new Error('database away');
      g.set(4);
    }, 'outbox');
    expect(sampleValue(await metrics.text(), 'opm_test_backlog', { service: 'sales' })).toBe(4);
    fail = true;
    expect(sampleValue(await metrics.text(), 'opm_test_backlog', { service: 'sales' })).toBeNaN();
    // Collectors run side by side, so a scrape shows the failures of the scrapes before it.
    expect(sampleValue(await metrics.text(), 'opm_metrics_collect_errors_total', { collector: 'outbox', service: 'sales' })).toBe(1);
  });

  it('N6 issue11.4 consumer lag is the high watermark less the committed offset; nothing committed lags by all the partition holds', () => {
    expect(
      partitionLag(
        'sales.order.received.v1',
        [
          { partition: 0, offset: '10' },
          { partition: 1, offset: '-1' },
        ],
        [
          { partition: 0, high: '15', low: '0' },
          { partition: 1, high: '9', low: '2' },
          { partition: 2, high: '4', low: '4' },
        ],
      ),
    ).toEqual([
      { topic: 'sales.order.received.v1', partition: 0, lag: 5 },
      { topic: 'sales.order.received.v1', partition: 1, lag: 7 },
      { topic: 'sales.order.received.v1', partition: 2, lag: 0 },
    ]);
  });
});
