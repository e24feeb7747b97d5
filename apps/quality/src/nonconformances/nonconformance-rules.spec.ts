import { assertCanClose, assertCanDisposition } from './nonconformance-rules';

const nc = (status: 'OPEN' | 'DISPOSITIONED' | 'CLOSED', disposition: 'REWORK' | null = null) => ({ number: 'NC-2026-000001', status, disposition });

describe('nonconformance rules', () => {
  it('R5.3 a disposition is set on an open nonconformance and may change until it is closed', () => {
    expect(() => assertCanDisposition(nc('OPEN'))).not.toThrow();
    expect(() => assertCanDisposition(nc('DISPOSITIONED', 'REWORK'))).not.toThrow();
  });

  it('R5.3 a disposition on a closed nonconformance is 422 naming the field', () => {
    expect(() => assertCanDisposition(nc('CLOSED', 'REWORK'))).toThrow(
      expect.objectContaining({ status: 422, response: expect.objectContaining({ errors: [{ field: 'disposition', message: expect.stringContaining('closed') }] }) }),
    );
  });

  it('R5.3 closing needs a disposition (422 naming it); closing twice is 409', () => {
    expect(() => assertCanClose(nc('OPEN'))).toThrow(expect.objectContaining({ status: 422, response: expect.objectContaining({ errors: [{ field: 'disposition', message: 'required before closing' }] }) }));
    expect(assertCanClose(nc('DISPOSITIONED', 'REWORK'))).toBe('REWORK');
    expect(() => assertCanClose(nc('CLOSED', 'REWORK'))).toThrow(expect.objectContaining({ status: 409, response: expect.objectContaining({ currentStatus: 'CLOSED' }) }));
  });
});
