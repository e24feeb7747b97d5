import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import { pino } from 'pino';
import type { DynamicModule } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { requestContext } from './request-context';
import { ensureCorrelationId } from './correlation.middleware';
import { traceFields } from './trace-context';
import { serverSpanOf } from './tracing';

/** JSON logs, one line each, carrying the service name, the correlation id and the trace id of the work in hand (N6). */
export function loggerModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      ...pinoOptions(service, level),
      genReqId: (req: IncomingMessage) => ensureCorrelationId(req),
      customProps: (req: IncomingMessage) => ({ correlationId: requestContext.get()?.correlationId, ...traceFields(serverSpanOf(req)) }),
      autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)(\/|\?|$)/.test(req.url ?? '') },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: maskUrlSecrets(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    forRoutes: ['*path'],
  });
}

function pinoOptions(service: string, level: string): { level: string; base: { service: string }; messageKey: string } {
  return { level, base: { service }, messageKey: 'msg' };
}

/**
 * Outside a request, nestjs-pino logs through one logger per process (the first app's). When several services
 * share a process (zero-setup mode), each runs within a logger of its own so every line still names its service.
 */
export function runWithServiceLogger<T>(service: string, level: string, fn: () => T): T {
  return storage.run(new Store(pino(pinoOptions(service, level))), fn);
}

/** Runs `fn` with a logger whose lines carry these fields (a consumed event's trace id), over the one in force. */
export function runWithLogFields<T>(fields: Record<string, string>, fn: () => T): T {
  const current = storage.getStore();
  const base = current?.logger ?? PinoLogger.root;
  if (!base) return fn();
  return storage.run(new Store(base.child(fields), current?.responseLogger), fn);
}

/** A token passed as `?access_token=` (the event stream's EventSource clients) never reaches a log line. */
export function maskUrlSecrets(url: string): string {
  return url.replace(/([?&]access_token=)[^&#]*/gi, '$1***');
}
