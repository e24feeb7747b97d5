import { maskUrlSecrets, queryTokenAccepted } from '@opm/platform';
import { STREAM_PATHS, takeQueryToken } from './proxy.controller';

describe('event stream through the gateway', () => {
  it('R6.4 only the monitoring stream accepts ?access_token=, which goes on as the Authorization header, not in the URL', () => {
    expect(queryTokenAccepted(STREAM_PATHS, '/api/v1/monitoring/stream?access_token=abc')).toBe(true);
    expect(queryTokenAccepted(STREAM_PATHS, '/api/v1/monitoring/orders?access_token=abc')).toBe(false);
    expect(queryTokenAccepted(STREAM_PATHS, '/api/v1/monitoring/stream/x')).toBe(false);
    expect(queryTokenAccepted(undefined, '/api/v1/monitoring/stream')).toBe(false);
    expect(queryTokenAccepted(true, '/monitoring/stream')).toBe(true);
    expect(takeQueryToken('/monitoring/stream?access_token=abc&lastEventId=7')).toEqual({ path: '/monitoring/stream?lastEventId=7', token: 'abc' });
    expect(takeQueryToken('/monitoring/stream')).toEqual({ path: '/monitoring/stream', token: null });
  });

  it('R6.4 a token in the query is masked in logs', () => {
    expect(maskUrlSecrets('/api/v1/monitoring/stream?access_token=eyJ.x.y&lastEventId=3')).toBe('/api/v1/monitoring/stream?access_token=***&lastEventId=3');
  });
});
