import { loadServiceConfig } from '@opm/platform';
import { serviceApiContract } from '@opm/testing';
import { SalesAppModule } from './app.module';

/**
 * Issue 12: every operation the sales service serves (intake, review, approvals, issuance, customers, leads, its
 * audit trail and health) documents a summary, its answer's schema, the problem details it can answer with and
 * whether it needs a token. Built from the service's own module tree without a database (the same harness as the
 * department services'), so an operation added anywhere in it fails here until it is documented and listed.
 */
describe('sales API contract', () => {
  const contract = serviceApiContract(() => SalesAppModule.register(loadServiceConfig('sales', {})));

  it('documents every operation', () => {
    expect(contract().violations).toEqual([]);
    expect(contract().operations).toEqual([
      'GET /approvals/delegations -> 200 Delegations | 401 413 415 429 | bearer',
      'GET /audit/orders/{orderId} -> 200 AuditEntryList | 400 401 403 413 415 429 | bearer',
      'GET /audit/verify -> 200 AuditVerification | 401 403 413 415 429 | bearer',
      'GET /customers -> 200 page of Customer | 400 401 403 413 415 429 | bearer',
      'GET /customers/{id} -> 200 Customer | 400 401 403 404 413 415 429 | bearer',
      'GET /health/live -> 200 Health | 413 415 429 | public',
      'GET /health/ready -> 200 Health | 413 415 429 503 | public',
      'GET /leads -> 200 page of Lead | 400 401 403 413 415 429 | bearer',
      'GET /monitoring/escalations -> 200 page of Escalation | 400 401 403 413 415 429 | bearer',
      'GET /monitoring/orders -> 200 page of MonitoringRow | 400 401 413 415 429 | bearer',
      'GET /monitoring/orders/{id}/performance -> 200 OrderPerformance | 400 401 404 413 415 429 | bearer',
      'GET /monitoring/stream (Last-Event-ID) -> 200 inline | 400 401 413 415 429 | bearer',
      'GET /orders -> 200 page of Order | 400 401 413 415 429 | bearer',
      'GET /orders/{id} -> 200 Order | 400 401 404 413 415 429 | bearer',
      'GET /orders/{id}/approvals -> 200 ApprovalChain | 400 401 404 413 415 429 | bearer',
      'GET /orders/{id}/change-requests -> 200 ChangeRequestList | 400 401 404 413 415 429 | bearer',
      'GET /orders/{id}/change-requests/{cid} -> 200 ChangeRequest | 400 401 404 413 415 429 | bearer',
      'GET /orders/{id}/customer-confirmations -> 200 CustomerConfirmations | 400 401 413 415 429 | bearer',
      'GET /orders/{id}/document.pdf -> 200 inline | 400 401 404 413 415 429 | bearer',
      'GET /orders/{id}/execution -> 200 OrderExecution | 400 401 404 413 415 429 | bearer',
      'GET /orders/{id}/invoice/document.pdf -> 200 inline | 400 401 404 413 415 429 | bearer',
      'GET /orders/{id}/invoice/dunning -> 200 DunningMails | 400 401 413 415 429 | bearer',
      'GET /orders/{id}/issuance -> 200 Issuance | 400 401 404 413 415 429 | bearer',
      'GET /orders/{id}/ledger -> 200 OrderLedger | 400 401 404 413 415 429 | bearer',
      'GET /orders/{id}/review -> 200 ReviewRounds | 400 401 404 413 415 429 | bearer',
      'GET /orders/{id}/settlement -> 200 SettlementList | 400 401 404 413 415 429 | bearer',
      'GET /orders/{id}/settlement/document.pdf -> 200 inline | 400 401 404 413 415 429 | bearer',
      'GET /orders/{id}/versions -> 200 OrderVersions | 400 401 404 413 415 429 | bearer',
      'GET /reports/weekly -> 200 WeeklyReport | 400 401 413 415 429 | bearer',
      'GET /reports/weekly.pdf -> 200 inline | 400 401 413 415 429 | bearer',
      'GET /sales/dead-letters -> 200 page of DeadLetter | 400 401 403 413 415 429 | bearer',
      'GET /tracking/meetings/{id} -> 200 TrackingMeeting | 400 401 404 413 415 429 | bearer',
      'PATCH /orders/{id} (If-Match) -> 200 Order | 400 401 403 404 409 413 415 429 | bearer',
      'POST /approvals/delegations (Idempotency-Key) -> 201 Delegation | 400 401 403 409 413 415 422 429 | bearer',
      'POST /customers (Idempotency-Key) -> 201 Customer | 400 401 403 409 413 415 422 429 | bearer',
      'POST /leads (Idempotency-Key) -> 201 Lead | 400 401 403 409 413 415 422 429 | bearer',
      'POST /leads/{id}/convert (Idempotency-Key) -> 201 Order | 400 401 403 404 409 413 415 422 429 | bearer',
      'POST /orders (Idempotency-Key) -> 201 Order | 400 401 403 409 413 415 422 429 | bearer',
      'POST /orders/{id}/approvals/{step}/decision (If-Match) -> 200 ApprovalDecisionResult | 400 401 403 404 409 413 415 429 | bearer',
      'POST /orders/{id}/cancellation-requests -> 201 ChangeRequest | 400 401 403 404 409 413 415 429 | bearer',
      'POST /orders/{id}/change-requests -> 201 ChangeRequest | 400 401 403 404 409 413 415 429 | bearer',
      'POST /orders/{id}/change-requests/{cid}/approvals/{step}/decision -> 200 ChangeRequest | 400 401 403 404 409 413 415 429 | bearer',
      'POST /orders/{id}/change-requests/{cid}/impact/{department} -> 200 ChangeRequest | 400 401 403 404 409 413 415 429 | bearer',
      'POST /orders/{id}/customer-confirmation -> 201 CustomerConfirmation | 400 401 403 404 409 413 415 422 429 502 | bearer',
      'POST /orders/{id}/document/verify -> 200 DocumentVerification | 400 401 409 413 415 429 | bearer',
      'POST /orders/{id}/document/verify-pdf -> 200 DocumentVerification | 400 401 409 413 415 422 429 | bearer',
      'POST /orders/{id}/escalation/decision (If-Match) -> 200 Order | 400 401 403 404 409 413 415 429 | bearer',
      'POST /orders/{id}/issue (If-Match) -> 200 IssuedOrder | 400 401 403 404 409 413 415 429 | bearer',
      'POST /orders/{id}/review/panel/conclusion -> 200 ReviewRounds | 400 401 403 404 409 413 415 429 | bearer',
      'POST /orders/{id}/revise (If-Match) -> 200 Order | 400 401 403 404 409 413 415 429 | bearer',
      'POST /orders/{id}/settlement -> 201 SettlementList | 400 401 403 404 409 413 415 429 | bearer',
      'POST /orders/{id}/settlement/submit -> 200 SettlementList | 400 401 403 404 409 413 415 429 | bearer',
      'POST /sales/dead-letters/{id}/replay -> 202 DeadLetter | 400 401 403 404 413 415 422 429 | bearer',
      'POST /tracking/meetings -> 201 TrackingMeeting | 400 401 403 413 415 422 429 | bearer',
      'POST /tracking/meetings/{id}/actions/{actionId}/done -> 200 TrackingMeeting | 400 401 403 404 409 413 415 429 | bearer',
      'POST /tracking/meetings/{id}/minutes -> 200 TrackingMeeting | 400 401 403 404 409 413 415 422 429 | bearer',
    ]);
  });

  it('R2.1 documents an example answer for the main operations, and the replay header of idempotent creates', () => {
    const created = contract().document.paths['/orders'].post?.responses['201'] as { content: Record<string, { example?: unknown }>; headers?: Record<string, unknown> };
    expect(created.content['application/json'].example).toMatchObject({ number: expect.stringMatching(/^SO-\d{4}-\d{6}$/) });
    expect(Object.keys(created.headers ?? {})).toContain('Idempotent-Replayed');
    const pdf = contract().document.paths['/orders/{id}/document.pdf'].get?.responses['200'] as { content: Record<string, unknown> };
    expect(Object.keys(pdf.content)).toEqual(['application/pdf']);
  });
});
