import 'reflect-metadata';
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
  // Security headers (helmet) come from createHttpApp, the same on every service.
  await app.register(rateLimit, { max: config.RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' });
  app.enableCors({ origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false, exposedHeaders: ['x-correlation-id', 'etag', 'location'] });
  await listen(app, config);
});
