import { randomUUID } from 'node:crypto';
import { DepartmentOrderView, toDepartmentOrderView } from './department/department-orders.module';
import { ReceivedOrder } from './department/received-order.entity';
import { ReviewTask } from './review/review-task.entity';
import { ReviewTaskView, toReviewTaskView } from './review/review-tasks.service';

/** Issue 12: what the shared endpoints send is what their documented views say, formats included. */
describe('workflow API views', () => {
  const orderId = randomUUID();
  const requirements = { customization: 'logo engraved', packaging: null, transportMode: 'sea', other: null };

  it('R3.7 a review task, open or answered, is a ReviewTask', () => {
    const task = Object.assign(new ReviewTask(), {
      id: randomUUID(),
      orderId,
      round: 2,
      department: 'PRODUCTION',
      status: 'OPEN',
      major: false,
      openedAt: new Date('2027-03-01T08:00:00Z'),
      dueAt: new Date('2027-03-02T08:00:00Z'),
      escalatedAt: null,
      assessment: { clear: true, summary: 'capacity available', reasons: [], proposals: [], details: { hours: 12.5 } },
      conclusion: null,
      opinion: null,
      proposals: [],
      reviewer: null,
      reviewerRole: null,
      autoConfirmed: false,
      decidedAt: null,
      version: 1,
    } satisfies Partial<ReviewTask>);
    expect(ReviewTaskView.schema.parse(toReviewTaskView(task, new Date('2027-03-03T00:00:00Z')))).toMatchObject({ status: 'OPEN', overdue: true });
    const answered = Object.assign(new ReviewTask(), task, {
      status: 'DONE',
      conclusion: 'FAIL',
      opinion: 'fully booked',
      proposals: ['deliver later'],
      reviewer: 'production.head',
      reviewerRole: 'HEAD',
      escalatedAt: new Date('2027-03-02T09:00:00Z'),
      decidedAt: new Date('2027-03-02T10:00:00Z'),
      version: 2,
    });
    expect(ReviewTaskView.schema.parse(toReviewTaskView(answered))).toMatchObject({ conclusion: 'FAIL', overdue: false });
  });

  it('R1.3 a department copy, received and then issued, is a DepartmentOrder', () => {
    const copy = Object.assign(new ReceivedOrder(), {
      orderId,
      number: 'SO-2027-000042',
      customerId: randomUUID(),
      deliveryDate: '2027-04-15',
      currency: 'CNY',
      totalAmount: '1250.00',
      lines: [{ lineNo: 1, productCode: 'P-100', productName: 'Steel flange DN100', specification: 'DN100 PN16', quantity: 10, unitPrice: '125.00', amount: '1250.00' }],
      specialRequirements: requirements,
      sourceEventId: randomUUID(),
      receivedAt: new Date('2027-03-01T08:00:00Z'),
      issuedAt: null,
      signedBy: null,
      documentHash: null,
    } satisfies Partial<ReceivedOrder>);
    expect(DepartmentOrderView.schema.parse(toDepartmentOrderView(copy))).toMatchObject({ lineCount: 1, issuedAt: null });
    const issued = Object.assign(new ReceivedOrder(), copy, { issuedAt: new Date('2027-03-05T08:00:00Z'), signedBy: 'sales.head', documentHash: 'a'.repeat(64) });
    expect(DepartmentOrderView.schema.parse(toDepartmentOrderView(issued))).toMatchObject({ documentHash: 'a'.repeat(64) });
  });
});
