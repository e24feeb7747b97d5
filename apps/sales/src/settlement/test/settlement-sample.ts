import { SETTLEMENT_EXAMPLE } from '../settlement.view';

/** An approved settlement list of two lines, one delivered short (98 of 100): what the printable documents are tested on. */
export const APPROVED_LIST = {
  ...SETTLEMENT_EXAMPLE,
  status: 'APPROVED' as const,
  lines: [
    { lineNo: 1, productName: 'P-100 Steel flange DN100', specification: 'DN100 PN16', quantityOrdered: 100, quantityDelivered: 98, unitPrice: '12.50', amount: '1225.00' },
    { lineNo: 2, productName: 'Custom bracket', specification: '304 steel, 2 mm', quantityOrdered: 40, quantityDelivered: 40, unitPrice: '7.10', amount: '284.00' },
  ],
  totalAmount: '1509.00',
};

export const SAMPLE_ORDER = { orderNumber: 'SO-2027-000042', customerName: 'Shanghai Precision Machinery Co.' };
