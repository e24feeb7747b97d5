// Docker HEALTHCHECK (slim images have no curl): 200 from GET /health/live on this process's port, else unhealthy.
'use strict';
const http = require('node:http');

const port = Number((process.env.SERVICE === 'gateway' && process.env.GATEWAY_PORT) || process.env.PORT);
const req = http.get({ host: '127.0.0.1', port, path: '/health/live', timeout: 2000 }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timeout')));
req.on('error', () => process.exit(1));
