import helmet from '@fastify/helmet';
import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoLogger } from 'nestjs-pino';
import { allTopics } from '@opm/contracts';
import type { BaseConfig, ServiceConfig } from '../config/service-config';
import { completeApiDocument } from '../http/api-docs';
import { onClientError, onFrameworkError, refuseUnservedMethods } from '../http/framework-errors';
import { checkParameters, parseJsonBody } from '../http/input-guard';
import { strictValidationPipe } from '../http/problem-details';
import { EventTransport } from '../messaging/event-transport';
import { instrumentHttp } from '../observability/http-instrumentation';
import { adoptApp, adoptMain } from './process-host';

export interface HttpAppOptions {
  title: string;
  description: string;
  /** Where the OpenAPI UI and JSON are served (`<path>` and `<path>-json`). */
  docsPath: string;
  /** Rewrites the document on each request (the gateway merges the services' live documents in). */
  patchDocument?: (doc: OpenAPIObject) => Promise<OpenAPIObject>;
}

/** Fastify-based Nest app with the house conventions: JSON logs, strict validation, OpenAPI, clean shutdown. */
export async function createHttpApp(module: unknown, config: BaseConfig, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    module as never,
    // What the framework answers itself (bad URL encoding, 414, 431, unknown methods) is problem details too.
    new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES, trustProxy: true, frameworkErrors: onFrameworkError, clientErrorHandler: onClientError }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(PinoLogger));
  app.useGlobalPipes(strictValidationPipe());
  instrumentHttp(app);
  await guardInput(app);
  // Documents (a printed order sent back for verification) arrive as raw bytes; the body limit still applies.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('application/pdf', { parseAs: 'buffer' }, (_req: unknown, body: Buffer, done: (err: null, body: Buffer) => void) => done(null, body));
  // Inside a process that hosts several apps (zero-setup mode) the host owns the signals and closes them in order.
  if (!adoptApp(app)) app.enableShutdownHooks();
  const document = completeApiDocument(
    SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').addBearerAuth().build()),
  );
  const patch = options.patchDocument;
  SwaggerModule.setup(options.docsPath, app, document, {
    jsonDocumentUrl: `${options.docsPath}-json`,
    ...(patch ? { patchDocumentOnRequest: (_req: unknown, _res: unknown, doc: OpenAPIObject) => patch(doc) } : {}),
  });
  return app;
}

/**
 * The one input layer (issue 11, `http/input-guard.ts`): JSON bodies parsed with a depth limit and refused when
 * they carry NUL, lone surrogates or prototype keys; query and path parameters checked the same way before any
 * guard, pipe or handler; methods nobody serves refused; the gateway's security headers on every process.
 */
async function guardInput(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // Through Nest's useBodyParser, so Nest does not add its own JSON parser at init; the API takes no forms.
  fastify.removeContentTypeParser('application/json');
  app.useBodyParser('application/json', { bodyLimit: fastify.initialConfig.bodyLimit }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body.toString('utf8')));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  fastify.addHook('onRequest', refuseUnservedMethods);
  fastify.addHook('preValidation', async (req) => {
    checkParameters('query', req.query);
    checkParameters('path', req.params);
  });
  // Security headers; the CSP still lets the bundled Swagger UI run from the docs path.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], scriptSrc: ["'self'"] },
    },
  });
}

/** Listens on the configured port; a port already taken is named in the error. */
export async function listen(app: INestApplication, config: BaseConfig): Promise<void> {
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (err) {
    if ((err as { code?: string }).code === 'EADDRINUSE') {
      throw new Error(`port ${config.PORT} is already in use: stop what holds it or set PORT`);
    }
    throw err;
  }
  new Logger('Bootstrap').log(`${config.SERVICE_NAME} listening on ${config.HOST}:${config.PORT}`);
}

/**
 * Starts a department service: HTTP first (orders are accepted even while Kafka is away: the outbox keeps
 * them), then the consumers once the event transport (EVENT_TRANSPORT) answers and the topics exist.
 */
export async function startService(module: unknown, config: ServiceConfig, options: Omit<HttpAppOptions, 'docsPath'>): Promise<NestFastifyApplication> {
  const app = await createHttpApp(module, config, { ...options, docsPath: 'docs' });
  const transport = app.get(EventTransport);
  const carrier = transport.kind === 'kafka' ? 'Kafka' : 'the in-memory broker';
  app.connectMicroservice(transport.consumerOptions(), { inheritAppConfig: true });
  await listen(app, config);
  const logger = new Logger('Bootstrap');
  for (let attempt = 1; ; attempt += 1) {
    try {
      await transport.ensureTopics(allTopics());
      break;
    } catch (err) {
      logger.warn(`waiting for ${carrier} (attempt ${attempt}): ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, Math.min(5000, 250 * attempt)));
    }
  }
  await app.startAllMicroservices();
  logger.log(`${config.SERVICE_NAME} consuming from ${carrier}`);
  return app;
}

/** The one way a process's main() fails: a readable line, exit code 1 (inside a host: the host's to report). */
export function runMain(main: () => Promise<unknown>): void {
  if (adoptMain(main)) return;
  main().catch((err: unknown) => {
    console.error(JSON.stringify({ level: 'fatal', msg: err instanceof Error ? err.message : String(err), stack: (err as Error)?.stack }));
    process.exit(1);
  });
}
