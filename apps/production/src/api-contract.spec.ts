import { loadServiceConfig } from '@opm/platform';
import { opinionDepartments, serviceApiContract } from '@opm/testing';
import { ProductionAppModule } from './app.module';

/**
 * Issue 12: every operation the production service serves (the catalog, work centres, the technical and
 * production reviews, its order copies, plans and technical issues) documents a summary, its answer's schema, the problem details it can
 * answer with and whether it needs a token. Built from the service's own module tree without a database, so an
 * operation added anywhere in it fails here until it is documented and listed.
 */
describe('production API contract', () => {
  const contract = serviceApiContract(() => ProductionAppModule.register(loadServiceConfig('production', {})));

  it('documents every operation', () => {
    expect(contract().violations).toEqual([]);
    expect(contract().operations).toEqual([
      'GET /audit/orders/{orderId} -> 200 AuditEntryList | 400 401 403 413 415 429 | bearer',
      'GET /audit/verify -> 200 AuditVerification | 401 403 413 415 429 | bearer',
      'GET /health/live -> 200 Health | 413 415 429 | public',
      'GET /health/ready -> 200 Health | 413 415 429 503 | public',
      'GET /production/dead-letters -> 200 page of DeadLetter | 400 401 403 413 415 429 | bearer',
      'GET /production/orders/{orderId} -> 200 ProductionOrder | 400 401 404 413 415 429 | bearer',
      'GET /production/plans -> 200 page of ProductionPlan | 400 401 413 415 429 | bearer',
      'GET /production/plans/{id} -> 200 ProductionPlan | 400 401 404 413 415 429 | bearer',
      'GET /production/review-tasks -> 200 ReviewTaskList | 400 401 413 415 429 | bearer',
      'GET /production/technical-issues -> 200 page of TechnicalIssue | 400 401 413 415 429 | bearer',
      'GET /products -> 200 page of Product | 400 401 413 415 429 | bearer',
      'GET /products/{code} -> 200 Product | 401 404 413 415 429 | bearer',
      'GET /work-centres -> 200 page of WorkCentre | 400 401 413 415 429 | bearer',
      'GET /work-centres/{code} -> 200 WorkCentre | 401 404 413 415 429 | bearer',
      'POST /orders/{id}/review/{department}/opinion -> 200 ReviewTask | 400 401 403 404 409 413 415 429 | bearer',
      'POST /production/dead-letters/{id}/replay -> 202 DeadLetter | 400 401 403 404 413 415 422 429 | bearer',
      'POST /production/plans/{id}/complete (If-Match) -> 200 ProductionPlan | 400 401 403 404 409 413 415 422 429 | bearer',
      'POST /production/plans/{id}/problems -> 201 ProductionProblem | 400 401 403 404 409 413 415 429 | bearer',
      'POST /production/plans/{id}/release (If-Match) -> 200 ProductionPlan | 400 401 403 404 409 413 415 429 | bearer',
      'POST /production/plans/{id}/reschedule (If-Match) -> 200 ProductionPlan | 400 401 403 404 409 413 415 429 | bearer',
      'POST /production/plans/{id}/stop (If-Match) -> 200 ProductionPlan | 400 401 403 404 409 413 415 429 | bearer',
      'POST /production/plans/{id}/tasks/{taskId}/progress -> 200 ProductionPlan | 400 401 403 404 409 413 415 429 | bearer',
      'POST /production/problems/{id}/resolve -> 200 ProductionProblem | 400 401 403 404 409 413 415 429 | bearer',
      'POST /production/technical-issues -> 201 TechnicalIssue | 400 401 413 415 422 429 | bearer',
      'POST /production/technical-issues/{id}/answer -> 200 TechnicalIssue | 400 401 403 404 409 413 415 429 | bearer',
      'POST /products (Idempotency-Key) -> 201 Product | 400 401 403 409 413 415 422 429 | bearer',
      'PUT /products/{code} (If-Match) -> 200 Product | 400 401 403 404 409 413 415 422 429 | bearer',
      'PUT /work-centres/{code}/rates -> 200 WorkCentre | 400 401 403 404 413 415 429 | bearer',
    ]);
  });

  it('R3.7 lists the departments whose opinions it takes, which the gateway routes by', () => {
    expect(opinionDepartments(contract())).toEqual(['TECHNICAL', 'PRODUCTION']);
  });
});
