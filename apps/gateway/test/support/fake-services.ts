import { SERVICES, ServiceName } from '@opm/contracts';
import { ServiceDocuments } from '../../src/docs/service-documents';
import type { UpstreamClient } from '../../src/upstream/upstream.client';
import { declaredDocuments } from './declared-operations';

/**
 * The services as the gateway's document fetching sees them: those in `answering` serve their realistic
 * document at `/docs-json`, the others are unreachable. `asked` records every request.
 */
export function fakeServices(up: Iterable<ServiceName> = SERVICES) {
  const answering = new Set(up);
  const docs = declaredDocuments();
  const asked: ServiceName[] = [];
  const upstream = {
    getJson: async (service: ServiceName) => {
      asked.push(service);
      if (!answering.has(service)) throw new Error(`${service} is unreachable`);
      return { status: 200, body: docs.get(service) };
    },
  } as unknown as UpstreamClient;
  return { answering, docs, asked, documents: new ServiceDocuments(upstream) };
}

/** How many rounds of fetching there were (every round asks sales). */
export const rounds = (asked: ServiceName[]): number => asked.filter((s) => s === 'sales').length;
