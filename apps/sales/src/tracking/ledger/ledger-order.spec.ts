import { OrderIssueAcknowledgedV1, ProductionPlanDraftedV1, ReviewTaskCompletedV1, type EventDefinition } from '@opm/contracts';
import { happenedBefore, ledgerPosition, type OrderingKey, publisherOf } from './ledger-order';

const key = (seq: number, eventId: string, publisher: string, publisherSeq: number | null, causationId: string | null = null): OrderingKey => ({ seq, eventId, publisher, publisherSeq: publisherSeq === null ? null : String(publisherSeq), causationId });

describe('ledger order (R6.2)', () => {
  it('R6.2 one publisher\'s facts in its outbox order, whatever topic carried them; a fact after its cause', () => {
    expect(happenedBefore(key(0, 'a', 'sales', 10), key(0, 'b', 'sales', 11))).toBe(true);
    expect(happenedBefore(key(0, 'b', 'sales', 11), key(0, 'a', 'sales', 10))).toBe(false);
    expect(happenedBefore(key(0, 'a', 'sales', 10), key(0, 'c', 'production', 3, 'a'))).toBe(true);
    // Two machines' facts without a cause between them: no order is claimed (no clock compared).
    expect(happenedBefore(key(0, 'a', 'sales', 10), key(0, 'c', 'production', 3))).toBe(false);
    expect(happenedBefore(key(0, 'c', 'production', 3), key(0, 'a', 'sales', 10))).toBe(false);
    expect(happenedBefore(key(0, 'a', 'sales', null), key(0, 'b', 'sales', 11))).toBe(false);
  });

  it('R6.2 sales recorded an order (received, status changed, review requested on three topics): taken in any order, entered as written', () => {
    const facts = [key(0, 'received', 'sales', 101), key(0, 'status', 'sales', 102), key(0, 'review', 'sales', 103)];
    for (const arrival of [[2, 0, 1], [1, 2, 0], [2, 1, 0], [0, 1, 2]]) {
      let ledger: OrderingKey[] = [];
      for (const i of arrival) {
        const at = ledgerPosition(ledger, facts[i]);
        ledger = [...ledger.map((e) => (e.seq >= at ? { ...e, seq: e.seq + 1 } : e)), { ...facts[i], seq: at }];
      }
      expect([...ledger].sort((a, b) => a.seq - b.seq).map((e) => [e.seq, e.eventId])).toEqual([
        [1, 'received'],
        [2, 'status'],
        [3, 'review'],
      ]);
    }
  });

  it('R6.2 an unordered fact goes last; one that happened before entered facts goes before the first of them', () => {
    const ledger = [key(1, 'a', 'sales', 5), key(2, 'p', 'production', 7), key(3, 'b', 'sales', 9)];
    expect(ledgerPosition(ledger, key(0, 'q', 'quality', 1))).toBe(4);
    expect(ledgerPosition(ledger, key(0, 'x', 'sales', 8))).toBe(3);
    expect(ledgerPosition(ledger, key(0, 'y', 'sales', 6))).toBe(3);
    expect(ledgerPosition(ledger, key(0, 'cause', 'purchasing', 1))).toBe(4);
    expect(ledgerPosition([...ledger, key(4, 'effect', 'production', 8, 'cause')], key(0, 'cause', 'purchasing', 1))).toBe(4);
    expect(ledgerPosition([], key(0, 'first', 'sales', 1))).toBe(1);
  });

  it('R6.2 the publisher of each event', () => {
    const def = (d: unknown) => d as EventDefinition<unknown>;
    expect(publisherOf(def(ProductionPlanDraftedV1), {})).toBe('production');
    expect(publisherOf(def(ReviewTaskCompletedV1), { department: 'TECHNICAL' })).toBe('production');
    expect(publisherOf(def(ReviewTaskCompletedV1), { department: 'FINANCE' })).toBe('finance');
    expect(publisherOf(def(OrderIssueAcknowledgedV1), { department: 'logistics' })).toBe('logistics');
  });
});
