import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '@opm/platform';
import { CREATE_ORDER_EXAMPLES, CreateOrderDto } from './create-order.dto';

const fields = (body: Record<string, unknown>): string[] => [
  ...new Set(flattenValidationErrors(validateSync(plainToInstance(CreateOrderDto, body), { whitelist: true, forbidNonWhitelisted: true })).map((e) => e.field)),
];
const valid = CREATE_ORDER_EXAMPLES.complete.value;

describe('POST /orders body shape (issue 11 item 7)', () => {
  it('I11.7 the documented example is valid', () => {
    expect(fields(valid)).toEqual([]);
    expect(fields(CREATE_ORDER_EXAMPLES.incomplete.value)).toEqual([]);
  });

  it('I11.7 "lines": [[]] and a scalar line are refused naming lines', () => {
    expect(fields({ ...valid, lines: [[]] })).toContain('lines');
    expect(fields({ ...valid, lines: [7] })).toContain('lines');
  });

  it('I11.7 productName must be text even when productCode is set; left out or null it is fine', () => {
    for (const productName of [42, ['a'], { a: 1 }]) {
      expect(fields({ ...valid, lines: [{ productCode: 'P-100', productName, quantity: 1, unitPrice: '1.00' }] })).toEqual(['lines.0.productName']);
    }
    expect(fields({ ...valid, lines: [{ productCode: 'P-100', productName: null, quantity: 1, unitPrice: '1.00' }] })).toEqual([]);
    expect(fields({ ...valid, lines: [{ productName: null, quantity: 1, unitPrice: '1.00' }] })).toEqual(['lines.0.productName']);
  });

  it('I11.7 specialRequirements must be an object (or null), not an array', () => {
    expect(fields({ ...valid, specialRequirements: [] })).toEqual(['specialRequirements']);
    expect(fields({ ...valid, specialRequirements: null })).toEqual([]);
  });
});
