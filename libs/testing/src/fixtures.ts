import { randomUUID } from 'node:crypto';
import { DEMO_CUSTOMERS, type Envelope, type ReviewOrderSnapshot, type SalesOrderReceived, SalesOrderReceivedV1 } from '@opm/contracts';

type ReviewOrderLine = ReviewOrderSnapshot['lines'][number];

/** A well-formed order body as a sales client sends it (API.md "POST /orders"), for a demo customer in good standing. */
export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'PHONE',
    leadId: null,
    customerId: DEMO_CUSTOMERS[0].id,
    contactPerson: 'Li Wei',
    contactPhone: '+86 21 5555 0101',
    orderDate: '2026-11-26',
    deliveryDate: '2027-03-01',
    deliveryPlace: 'Pudong warehouse 3, Shanghai',
    paymentTerms: '30 days net',
    currency: 'CNY',
    lines: [
      { productCode: 'P-100', quantity: 100, unitPrice: '12.50' },
      { productName: 'Custom bracket', specification: '304 steel, 2 mm', quantity: 40, unitPrice: '7.10' },
    ],
    specialRequirements: { customization: 'logo engraving', packaging: 'export crate', transportMode: 'sea freight', other: null },
    ...overrides,
  };
}


/** An order as sales sends it for review, for the unit tests of the assessments: one catalog line unless told. */
export function reviewOrder(overrides: Partial<ReviewOrderSnapshot> = {}, lines?: Partial<ReviewOrderLine>[]): ReviewOrderSnapshot {
  return {
    orderId: '00000000-0000-4000-8000-000000000001',
    number: 'SO-2026-000001',
    channel: 'PHONE',
    customerId: '00000000-0000-4000-8000-0000000000c1',
    orderDate: '2026-11-26',
    deliveryDate: '2027-03-01',
    deliveryPlace: 'Pudong warehouse 3, Shanghai',
    paymentTerms: '30 days net',
    currency: 'CNY',
    totalAmount: '1250.00',
    lines: (lines ?? [{}]).map((l, i) => ({
      lineNo: i + 1,
      productCode: 'P-100',
      productName: null,
      specification: null,
      quantity: 100,
      unitPrice: '12.50',
      amount: '1250.00',
      ...l,
    })),
    specialRequirements: { customization: null, packaging: null, transportMode: null, other: null },
    ...overrides,
  };
}

/** A `sales.order.received.v1` envelope as sales publishes it, for tests that feed a department's consumer directly. */
export function orderReceivedEvent(orderId: string, eventId: string = randomUUID()): Envelope<SalesOrderReceived> {
  return {
    eventId,
    type: SalesOrderReceivedV1.type,
    version: SalesOrderReceivedV1.version,
    occurredAt: new Date().toISOString(),
    orderId,
    correlationId: randomUUID(),
    causationId: null,
    actor: { username: 'test' },
    payload: {
      orderId,
      number: 'SO-2026-900001',
      channel: 'EMAIL',
      customerId: randomUUID(),
      orderDate: '2026-11-26',
      deliveryDate: null,
      deliveryPlace: null,
      paymentTerms: null,
      currency: 'CNY',
      totalAmount: '10.00',
      lines: [{ lineNo: 1, productCode: 'P-100', productName: null, specification: null, quantity: 1, unitPrice: '10.00', amount: '10.00' }],
      specialRequirements: { customization: null, packaging: null, transportMode: null, other: null },
    },
  };
}
