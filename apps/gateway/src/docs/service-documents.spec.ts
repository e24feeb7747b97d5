import { Logger } from '@nestjs/common';
import { SERVICES } from '@opm/contracts';
import { fakeServices, rounds } from '../../test/support/fake-services';
import { DOCUMENT_TIMING, ServiceDocuments } from './service-documents';

describe(ServiceDocuments.name, () => {
  let documents: ServiceDocuments | undefined;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    documents?.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('N1 holds the document of every service that answered, in service order; the others are unknown', async () => {
    const services = fakeServices(['logistics', 'production', 'finance', 'purchasing']);
    documents = services.documents;
    const known = await documents.current();
    expect([...known.documents.keys()]).toEqual(['production', 'purchasing', 'finance', 'logistics']);
    expect(known.unknown).toEqual(['sales', 'quality']);
  });

  it('asks again for unknown documents with a bounded backoff, then refreshes every document periodically', async () => {
    const services = fakeServices(SERVICES.filter((s) => s !== 'quality'));
    documents = services.documents;
    documents.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(rounds(services.asked)).toBe(1);
    const waits = [1000, 2000, 4000, 8000, 16000, 30_000, 30_000];
    for (const [i, wait] of waits.entries()) {
      await jest.advanceTimersByTimeAsync(wait - 1);
      expect(rounds(services.asked)).toBe(i + 1);
      await jest.advanceTimersByTimeAsync(1);
      expect(rounds(services.asked)).toBe(i + 2);
    }
    expect(Math.max(...waits)).toBe(DOCUMENT_TIMING.retryMaxMs);
    services.answering.add('quality');
    await jest.advanceTimersByTimeAsync(DOCUMENT_TIMING.retryMaxMs);
    expect(documents.snapshot().unknown).toEqual([]);
    const before = rounds(services.asked);
    await jest.advanceTimersByTimeAsync(DOCUMENT_TIMING.refreshMs - 1);
    expect(rounds(services.asked)).toBe(before);
    await jest.advanceTimersByTimeAsync(1);
    expect(rounds(services.asked)).toBe(before + 1);
  });

  it('keeps what a service declared when it stops answering; the version moves only when a document changes', async () => {
    const services = fakeServices(SERVICES);
    documents = services.documents;
    const first = await documents.current();
    services.answering.delete('quality');
    await documents.refresh();
    expect(documents.snapshot()).toMatchObject({ version: first.version, unknown: [] });
    expect(documents.snapshot().documents.get('quality')).toEqual(services.docs.get('quality'));
    services.docs.set('quality', { openapi: '3.0.0', info: { title: 'quality', version: '2' }, paths: { '/quality/inspections': { get: { responses: {} } } } });
    services.answering.add('quality');
    await documents.refresh();
    expect(documents.snapshot().version).toBe(first.version + 1);
    expect(Object.keys(documents.snapshot().documents.get('quality')?.paths ?? {})).toEqual(['/quality/inspections']);
  });

  it('asks again only when the documents are older than asked for, and joins a round already under way', async () => {
    const services = fakeServices(SERVICES);
    documents = services.documents;
    await documents.current();
    await documents.refreshIfOlderThan(DOCUMENT_TIMING.missRefreshMs);
    await jest.advanceTimersByTimeAsync(DOCUMENT_TIMING.missRefreshMs - 1);
    await documents.refreshIfOlderThan(DOCUMENT_TIMING.missRefreshMs);
    expect(rounds(services.asked)).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    await documents.refreshIfOlderThan(DOCUMENT_TIMING.missRefreshMs);
    expect(rounds(services.asked)).toBe(2);
    await jest.advanceTimersByTimeAsync(DOCUMENT_TIMING.missRefreshMs);
    await Promise.all([documents.refreshIfOlderThan(DOCUMENT_TIMING.missRefreshMs), documents.refreshIfOlderThan(DOCUMENT_TIMING.missRefreshMs), documents.refresh()]);
    expect(rounds(services.asked)).toBe(3);
  });

  it('stops asking once the application shuts down', async () => {
    const services = fakeServices([]);
    documents = services.documents;
    documents.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    documents.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(DOCUMENT_TIMING.retryMaxMs * 4);
    expect(rounds(services.asked)).toBe(1);
  });
});
