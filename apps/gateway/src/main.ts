import 'reflect-metadata';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, listen, runMain } from '@opm/platform';
import { GatewayAppModule } from './app.module';
import { loadGatewayConfig } from './config';
import { OpenApiAggregator } from './docs/openapi-aggregator';

runMain(async () => {
  const config = loadGatewayConfig();
  const app: NestFastifyApplication = await createHttpApp(GatewayAppModule.register(config), config, {
    title: 'Order process platform API',
    description: 'The one public entry: every department service under /api/v1, and the combined order view.',
    docsPath: 'api/docs',
    patchDocument: (doc) => app.get(OpenApiAggregator).merged(doc),
  });
  // Security headers; the CSP still lets the bundled Swagger UI run from /api/docs.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], scriptSrc: ["'self'"] },
    },
  });
  await app.register(rateLimit, { max: config.RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' });
  app.enableCors({ origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false, exposedHeaders: ['x-correlation-id', 'etag', 'location'] });
  await listen(app, config);
});
