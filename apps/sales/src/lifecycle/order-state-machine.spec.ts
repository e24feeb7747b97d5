import { HttpException } from '@nestjs/common';
import { ORDER_STATUSES } from '@opm/contracts';
import { allowedActions, canTake, countsAgainstCredit, hasShipped, isChangeable, isClosed, isIssuedOrLater, nextStatus, statusesWhere } from './order-state-machine';

describe('order state machine', () => {
  it('R1.1 follows the lifecycle of API.md from intake to archive', () => {
    expect(nextStatus('RECEIVED', 'startReview')).toBe('UNDER_REVIEW');
    expect(nextStatus('RECEIVED', 'awaitInfo')).toBe('AWAITING_INFO');
    expect(nextStatus('AWAITING_INFO', 'supplyInfo')).toBe('RECEIVED');
    expect(nextStatus('ESCALATED', 'rejectEscalation')).toBe('REJECTED');
    expect(nextStatus('AWAITING_APPROVAL', 'rejectApproval')).toBe('REVIEW_FAILED');
    expect(nextStatus('SETTLED', 'archive')).toBe('ARCHIVED');
  });

  it('R1.1 refuses an illegal transition with 409 naming the current status and the action', () => {
    try {
      nextStatus('UNDER_REVIEW', 'acceptEscalation');
      throw new Error('accepted');
    } catch (err) {
      expect((err as HttpException).getStatus()).toBe(409);
      expect((err as HttpException).getResponse()).toMatchObject({
        detail: 'cannot acceptEscalation an order in status UNDER_REVIEW (possible: failReview, passReview)',
        currentStatus: 'UNDER_REVIEW',
        action: 'acceptEscalation',
      });
    }
  });

  it('R1.1 knows every status, and the final ones allow nothing', () => {
    for (const status of ORDER_STATUSES) expect(Array.isArray(allowedActions(status))).toBe(true);
    expect(allowedActions('ARCHIVED')).toEqual([]);
    expect(allowedActions('REJECTED')).toEqual([]);
  });
});

describe('order status predicates', () => {
  it('R2.4 an order counts against credit until it is invoiced (its invoice counts then, in finance) or rejected, cancelled, settled or archived', () => {
    expect(statusesWhere(isClosed).sort()).toEqual(['ARCHIVED', 'CANCELLED', 'REJECTED', 'SETTLED']);
    for (const status of ORDER_STATUSES) expect(countsAgainstCredit(status)).toBe(!isClosed(status) && status !== 'INVOICED');
    expect(countsAgainstCredit('UNDER_REVIEW')).toBe(true);
    expect(countsAgainstCredit('DELIVERED')).toBe(true);
    expect(countsAgainstCredit('INVOICED')).toBe(false);
  });

  it('R4.4 issued-or-later is ISSUED and every status after it, never one before or the cancelled branch', () => {
    expect(statusesWhere(isIssuedOrLater).sort()).toEqual(
      ['ISSUED', 'IN_EXECUTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'INVOICED', 'SETTLED', 'ARCHIVED'].sort(),
    );
    for (const status of ['RECEIVED', 'UNDER_REVIEW', 'AWAITING_APPROVAL', 'APPROVED', 'CANCELLED', 'REJECTED'] as const) {
      expect(isIssuedOrLater(status)).toBe(false);
    }
  });

  it('R1.1 an action name that is a prototype key is refused like any unknown action', () => {
    for (const action of ['constructor', '__proto__', 'toString']) {
      expect(() => nextStatus('RECEIVED', action as never)).toThrow(HttpException);
      expect(canTake('RECEIVED', action as never)).toBe(false);
    }
  });

  it('R8.1 R8.5 change and cancellation requests from APPROVED up to DELIVERED; an approved cancellation moves the order CANCELLED from any of them', () => {
    const changeable = ['APPROVED', 'ISSUED', 'IN_EXECUTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED'];
    expect(statusesWhere(isChangeable).sort()).toEqual([...changeable].sort());
    for (const status of changeable) expect(nextStatus(status as never, 'cancel')).toBe('CANCELLED');
    expect(canTake('INVOICED', 'cancel')).toBe(false);
    expect(statusesWhere(hasShipped).sort()).toEqual(['DELIVERED', 'SHIPPED']);
  });
});
