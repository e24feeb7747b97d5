import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@opm/contracts';

/** What travels with one unit of work (an HTTP request or a consumed event) across awaits. */
export interface RequestContext {
  correlationId: string;
  /** The event being handled, so events it causes name it as their cause. */
  causationId: string | null;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const CORRELATION_HEADER = 'x-correlation-id';

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
  correlationId(): string {
    return storage.getStore()?.correlationId ?? randomUUID();
  },
};
