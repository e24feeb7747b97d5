import { loadServiceConfig } from '@opm/platform';
import { opinionDepartments, serviceApiContract } from '@opm/testing';
import { FinanceAppModule } from './app.module';

/**
 * Issue 12: every operation the finance service serves (credit accounts, the finance review, its order copies)
 * documents a summary, its answer's schema, the problem details it can answer with and whether it needs a token.
 * Built from the service's own module tree without a database, so an operation added anywhere in it fails here
 * until it is documented and listed.
 */
describe('finance API contract', () => {
  const contract = serviceApiContract(() => FinanceAppModule.register(loadServiceConfig('finance', {})));

  it('documents every operation', () => {
    expect(contract().violations).toEqual([]);
    expect(contract().operations).toEqual([
      'GET /audit/orders/{orderId} -> 200 AuditEntryList | 400 401 403 413 415 429 | bearer',
      'GET /audit/verify -> 200 AuditVerification | 401 403 413 415 429 | bearer',
      'GET /customers/{id}/credit -> 200 CreditAccount | 400 401 403 404 413 415 429 | bearer',
      'GET /finance/dead-letters -> 200 page of DeadLetter | 400 401 403 413 415 429 | bearer',
      'GET /finance/invoices -> 200 page of Invoice | 400 401 403 413 415 429 | bearer',
      'GET /finance/invoices/{id} -> 200 Invoice | 400 401 403 404 413 415 429 | bearer',
      'GET /finance/invoices/{id}/disputes -> 200 InvoiceDisputeList | 400 401 403 404 413 415 429 | bearer',
      'GET /finance/invoices/{id}/dunning -> 200 DunningNoticeList | 400 401 403 404 413 415 429 | bearer',
      'GET /finance/orders/{orderId} -> 200 FinanceOrder | 400 401 404 413 415 429 | bearer',
      'GET /finance/orders/{orderId}/costs -> 200 OrderCosts | 400 401 403 404 413 415 429 | bearer',
      'GET /finance/receivables/ageing -> 200 ReceivablesAgeing | 400 401 403 413 415 429 | bearer',
      'GET /finance/review-tasks -> 200 ReviewTaskList | 400 401 413 415 429 | bearer',
      'GET /finance/settlement-records -> 200 page of SettlementRecord | 400 401 403 413 415 429 | bearer',
      'GET /finance/settlement-records.csv -> 200 inline | 400 401 403 413 415 429 | bearer',
      'GET /finance/settlements/{orderId} -> 200 FinanceSettlement | 400 401 403 404 413 415 429 | bearer',
      'GET /health/live -> 200 Health | 413 415 429 | public',
      'GET /health/ready -> 200 Health | 413 415 429 503 | public',
      'POST /finance/dead-letters/{id}/replay -> 202 DeadLetter | 400 401 403 404 413 415 422 429 | bearer',
      'POST /finance/disputes/{id}/escalate -> 200 InvoiceDispute | 400 401 403 404 409 413 415 429 | bearer',
      'POST /finance/disputes/{id}/resolve -> 200 InvoiceDispute | 400 401 403 404 409 413 415 429 | bearer',
      'POST /finance/invoices/{id}/disputes -> 201 InvoiceDispute | 400 401 403 404 409 413 415 429 | bearer',
      'POST /finance/invoices/{id}/payments (Idempotency-Key) -> 201 Invoice | 400 401 403 404 409 413 415 422 429 | bearer',
      'POST /finance/settlements/{orderId}/review -> 200 FinanceSettlement | 400 401 403 404 409 413 415 422 429 | bearer',
      'POST /orders/{id}/review/{department}/opinion -> 200 ReviewTask | 400 401 403 404 409 413 415 429 | bearer',
      'PUT /customers/{id}/credit (If-Match) -> 200 CreditAccount | 400 401 403 404 409 413 415 422 429 | bearer',
    ]);
  });

  it('R3.7 lists the departments whose opinions it takes, which the gateway routes by', () => {
    expect(opinionDepartments(contract())).toEqual(['FINANCE']);
  });
});
