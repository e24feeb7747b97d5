import type { MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';

/**
 * Several `@EventPattern` handlers of one topic in one service (sales' tracking ledger and monitoring beside the stage
 * that consumes the same event) run one after another, each to its end, in the order Nest registered them; the
 * message is handled when the last has finished, and a failure stops the chain there, so the message comes again
 * (each handler's own inbox skips what it already applied).
 *
 * Nest's own chaining starts them side by side (a forkJoin): each holds a database connection and waits on the same
 * order row, so a busy service's consumers took up to one connection per handler per partition and its HTTP requests
 * timed out waiting for the pool (bench:stream at 50 orders/s: 371 of 500 POST /orders answered 500). In sequence a
 * consumer holds one connection per partition at most, and one order's facts are applied in a fixed order.
 */
export class SequentialEventHandlers {
  private readonly chains = new Map<string, MessageHandler[]>();

  /**
   * Adds `handler` to the chain of `pattern`. Returns the one handler the server should register for the pattern when
   * this is its first, or null when it joined a chain already registered.
   */
  add(pattern: string, handler: MessageHandler): MessageHandler | null {
    const chain = this.chains.get(pattern);
    if (chain) {
      chain.push(handler);
      return null;
    }
    const handlers = [handler];
    this.chains.set(pattern, handlers);
    const inSequence: MessageHandler = async (data: unknown, ctx?: unknown) => {
      for (const h of handlers) {
        const result = await h(data, ctx);
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      }
    };
    return inSequence;
  }
}
