import { loadServiceConfig } from '@opm/platform';
import { opinionDepartments, serviceApiContract } from '@opm/testing';
import { PurchasingAppModule } from './app.module';

/**
 * Issue 12: every operation the purchasing service serves (suppliers, bills of materials, stock, the purchasing
 * review, its order copies) documents a summary, its answer's schema, the problem details it can answer with and
 * whether it needs a token. Built from the service's own module tree without a database, so an operation added
 * anywhere in it fails here until it is documented and listed.
 */
describe('purchasing API contract', () => {
  const contract = serviceApiContract(() => PurchasingAppModule.register(loadServiceConfig('purchasing', {})));

  it('documents every operation', () => {
    expect(contract().violations).toEqual([]);
    expect(contract().operations).toEqual([
      'GET /audit/orders/{orderId} -> 200 AuditEntryList | 400 401 403 413 415 429 | bearer',
      'GET /audit/verify -> 200 AuditVerification | 401 403 413 415 429 | bearer',
      'GET /health/live -> 200 Health | 413 415 429 | public',
      'GET /health/ready -> 200 Health | 413 415 429 503 | public',
      'GET /purchasing/boms -> 200 page of Bom | 400 401 413 415 429 | bearer',
      'GET /purchasing/boms/{bomRef} -> 200 Bom | 401 404 413 415 429 | bearer',
      'GET /purchasing/contracts -> 200 page of PurchaseContract | 400 401 413 415 429 | bearer',
      'GET /purchasing/contracts/{id} -> 200 PurchaseContract | 400 401 404 413 415 429 | bearer',
      'GET /purchasing/dead-letters -> 200 page of DeadLetter | 400 401 403 413 415 429 | bearer',
      'GET /purchasing/orders/{orderId} -> 200 PurchasingOrder | 400 401 404 413 415 429 | bearer',
      'GET /purchasing/orders/{orderId}/requirement-adjustments -> 200 RequirementAdjustments | 400 401 413 415 429 | bearer',
      'GET /purchasing/receipts -> 200 page of GoodsReceipt | 400 401 413 415 429 | bearer',
      'GET /purchasing/receipts/{id} -> 200 GoodsReceipt | 400 401 404 413 415 429 | bearer',
      'GET /purchasing/requirements -> 200 page of MaterialRequirement | 400 401 413 415 429 | bearer',
      'GET /purchasing/review-tasks -> 200 ReviewTaskList | 400 401 413 415 429 | bearer',
      'GET /purchasing/stock -> 200 page of StockItem | 400 401 413 415 429 | bearer',
      'GET /suppliers -> 200 page of Supplier | 400 401 413 415 429 | bearer',
      'GET /suppliers/{code} -> 200 Supplier | 401 404 413 415 429 | bearer',
      'POST /orders/{id}/review/{department}/opinion -> 200 ReviewTask | 400 401 403 404 409 413 415 429 | bearer',
      'POST /purchasing/contracts (Idempotency-Key) -> 201 PurchaseContract | 400 401 403 409 413 415 422 429 | bearer',
      'POST /purchasing/contracts/{id}/delays (If-Match) -> 200 PurchaseContract | 400 401 403 404 409 413 415 422 429 | bearer',
      'POST /purchasing/contracts/{id}/receipts (Idempotency-Key) -> 201 GoodsReceipt | 400 401 403 404 409 413 415 422 429 | bearer',
      'POST /purchasing/contracts/{id}/sign (If-Match) -> 200 PurchaseContract | 400 401 403 404 409 413 415 429 | bearer',
      'POST /purchasing/dead-letters/{id}/replay -> 202 DeadLetter | 400 401 403 404 413 415 422 429 | bearer',
      'POST /purchasing/receipts/{id}/inspection -> 200 GoodsReceipt | 400 401 403 404 409 413 415 429 | bearer',
    ]);
  });

  it('R3.7 lists the departments whose opinions it takes, which the gateway routes by', () => {
    expect(opinionDepartments(contract())).toEqual(['PURCHASING']);
  });
});
