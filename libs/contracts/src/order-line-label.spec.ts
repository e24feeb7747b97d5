import { lineLabel } from './order-line-label';
import type { OrderLine } from './events/sales-order-received/sales-order-received.event';

const line = (l: Partial<OrderLine>): OrderLine => ({ lineNo: 1, productCode: null, productName: null, specification: null, quantity: 1, unitPrice: '1.00', amount: '1.00', ...l });

describe(lineLabel.name, () => {
  it('R3.2 names a line by number, product and specification, as the reader sees it on the order', () => {
    expect(lineLabel(line({ lineNo: 2, productName: 'Custom bracket', specification: ' 304 steel 2 mm ' }))).toBe('line 2 (Custom bracket, 304 steel 2 mm)');
    expect(lineLabel(line({ productCode: 'P-100', productName: 'flange' }), 'Steel flange DN100')).toBe('line 1 (P-100 Steel flange DN100)');
    expect(lineLabel(line({ productCode: 'P-100', productName: 'flange', specification: 'DN100 PN16' }))).toBe('line 1 (P-100 flange, DN100 PN16)');
    expect(lineLabel(line({ lineNo: 3, productName: '  ' }))).toBe('line 3 (unnamed item)');
  });
});
