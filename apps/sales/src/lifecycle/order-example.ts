import type { OrderView } from './order-view';

/**
 * An order as sales answers it right after recording (POST /orders, 201): the example of the API document,
 * typed as the view and checked against its schema where it is declared (ApiAnswers), so it cannot drift.
 */
export const EXAMPLE_ORDER: OrderView = {
  id: '6f1c2d7e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
  number: 'SO-2026-000123',
  status: 'UNDER_REVIEW',
  version: 3,
  channel: 'PHONE',
  leadId: null,
  customerId: '8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d',
  contactPerson: 'Li Wei',
  contactPhone: '+86 21 5555 0101',
  orderDate: '2026-11-26',
  deliveryDate: '2027-03-01',
  deliveryPlace: 'Pudong warehouse 3, Shanghai',
  paymentTerms: '30 days net',
  currency: 'CNY',
  totalAmount: '1534.00',
  lines: [
    { lineNo: 1, productCode: 'P-100', productName: null, specification: null, quantity: 100, unitPrice: '12.50', amount: '1250.00' },
    { lineNo: 2, productCode: null, productName: 'Custom bracket', specification: '304 steel, 2 mm', quantity: 40, unitPrice: '7.10', amount: '284.00' },
  ],
  specialRequirements: { customization: 'logo engraving', packaging: 'export crate', transportMode: 'sea freight', other: null },
  complex: false,
  preliminaryReview: {
    checks: [
      { check: 'COMPLETENESS', result: 'PASS', reasons: ['all required information is present'] },
      { check: 'CREDIT', result: 'PASS', reasons: ['within the credit limit: 498466.00 CNY left after this order'] },
      {
        check: 'DELIVERY_DATE',
        result: 'PASS',
        reasons: ['delivery on 2027-03-01 is feasible within catalog lead times', 'line 2: not a catalog product; technical review must confirm feasibility and lead time'],
      },
    ],
    missing: [],
    needsTechnicalReview: [2],
    outcome: 'UNDER_REVIEW',
    ranAt: '2026-11-26T09:15:02.118Z',
    waitingSince: null,
  },
  escalation: null,
  pendingChange: null,
  createdBy: 'sales.staff',
  createdAt: '2026-11-26T09:15:02.030Z',
  updatedAt: '2026-11-26T09:15:02.118Z',
};
