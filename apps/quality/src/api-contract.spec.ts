import { loadServiceConfig } from '@opm/platform';
import { opinionDepartments, serviceApiContract } from '@opm/testing';
import { QualityAppModule } from './app.module';

/**
 * Issue 12: every operation the quality service serves (quality standards, the quality review, its order copies, inspection plans, inspections and nonconformances)
 * documents a summary, its answer's schema, the problem details it can answer with and whether it needs a token.
 * Built from the service's own module tree without a database, so an operation added anywhere in it fails here
 * until it is documented and listed.
 */
describe('quality API contract', () => {
  const contract = serviceApiContract(() => QualityAppModule.register(loadServiceConfig('quality', {})));

  it('documents every operation', () => {
    expect(contract().violations).toEqual([]);
    expect(contract().operations).toEqual([
      'GET /audit/orders/{orderId} -> 200 AuditEntryList | 400 401 403 413 415 429 | bearer',
      'GET /audit/verify -> 200 AuditVerification | 401 403 413 415 429 | bearer',
      'GET /health/live -> 200 Health | 413 415 429 | public',
      'GET /health/ready -> 200 Health | 413 415 429 503 | public',
      'GET /quality/dead-letters -> 200 page of DeadLetter | 400 401 403 413 415 429 | bearer',
      'GET /quality/inspections -> 200 page of Inspection | 400 401 413 415 429 | bearer',
      'GET /quality/nonconformances -> 200 page of Nonconformance | 400 401 413 415 429 | bearer',
      'GET /quality/nonconformances/{id} -> 200 Nonconformance | 400 401 404 413 415 429 | bearer',
      'GET /quality/orders/{orderId} -> 200 QualityOrder | 400 401 404 413 415 429 | bearer',
      'GET /quality/plans -> 200 page of InspectionPlan | 400 401 413 415 429 | bearer',
      'GET /quality/plans/{id} -> 200 InspectionPlan | 400 401 404 413 415 429 | bearer',
      'GET /quality/review-tasks -> 200 ReviewTaskList | 400 401 413 415 429 | bearer',
      'GET /quality/standards -> 200 page of QualityStandard | 400 401 413 415 429 | bearer',
      'POST /orders/{id}/review/{department}/opinion -> 200 ReviewTask | 400 401 403 404 409 413 415 429 | bearer',
      'POST /quality/dead-letters/{id}/replay -> 202 DeadLetter | 400 401 403 404 413 415 422 429 | bearer',
      'POST /quality/inspections (Idempotency-Key) -> 201 Inspection | 400 401 403 404 409 413 415 422 429 | bearer',
      'POST /quality/nonconformances/{id}/close (If-Match) -> 200 Nonconformance | 400 401 403 404 409 413 415 422 429 | bearer',
      'POST /quality/nonconformances/{id}/disposition (If-Match) -> 200 Nonconformance | 400 401 403 404 409 413 415 422 429 | bearer',
    ]);
  });

  it('R3.7 lists the departments whose opinions it takes, which the gateway routes by', () => {
    expect(opinionDepartments(contract())).toEqual(['QUALITY']);
  });
});
