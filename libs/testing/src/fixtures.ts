import { DEMO_CUSTOMERS } from '@opm/contracts';

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
