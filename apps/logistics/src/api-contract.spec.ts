import { loadServiceConfig } from '@opm/platform';
import { serviceApiContract } from '@opm/testing';
import { LogisticsAppModule } from './app.module';

/**
 * Issue 12: every operation the logistics service serves (its order copies, its shipments) documents a summary, its answer's
 * schema, the problem details it can answer with and whether it needs a token. Built from the service's own
 * module tree without a database, so an operation added anywhere in it fails here until it is documented and
 * listed.
 */
describe('logistics API contract', () => {
  const contract = serviceApiContract(() => LogisticsAppModule.register(loadServiceConfig('logistics', {})));

  it('documents every operation', () => {
    expect(contract().violations).toEqual([]);
    expect(contract().operations).toEqual([
      'GET /audit/orders/{orderId} -> 200 AuditEntryList | 400 401 403 413 415 429 | bearer',
      'GET /audit/verify -> 200 AuditVerification | 401 403 413 415 429 | bearer',
      'GET /health/live -> 200 Health | 413 415 429 | public',
      'GET /health/ready -> 200 Health | 413 415 429 503 | public',
      'GET /logistics/dead-letters -> 200 page of DeadLetter | 400 401 403 413 415 429 | bearer',
      'GET /logistics/orders/{orderId} -> 200 LogisticsOrder | 400 401 404 413 415 429 | bearer',
      'GET /logistics/shipments -> 200 page of Shipment | 400 401 413 415 429 | bearer',
      'GET /logistics/shipments/{id} -> 200 Shipment | 400 401 404 413 415 429 | bearer',
      'PATCH /logistics/shipments/{id} (If-Match) -> 200 Shipment | 400 401 403 404 409 413 415 429 | bearer',
      'POST /logistics/dead-letters/{id}/replay -> 202 DeadLetter | 400 401 403 404 413 415 422 429 | bearer',
      'POST /logistics/shipments (Idempotency-Key) -> 201 Shipment | 400 401 403 409 413 415 422 429 | bearer',
      'POST /logistics/shipments/{id}/delivery (If-Match) -> 200 Shipment | 400 401 403 404 409 413 415 422 429 | bearer',
      'POST /logistics/shipments/{id}/dispatch (If-Match) -> 200 Shipment | 400 401 403 404 409 413 415 429 | bearer',
    ]);
  });
});
