import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { requestContext } from './request-context';
import { ensureCorrelationId } from './correlation.middleware';

/** JSON logs, one line each, carrying the service name and the correlation id of the work in hand (N6). */
export function loggerModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      messageKey: 'msg',
      genReqId: (req: IncomingMessage) => ensureCorrelationId(req),
      customProps: () => ({ correlationId: requestContext.get()?.correlationId }),
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    forRoutes: ['*path'],
  });
}
