import { documentFingerprint, extractVerificationCode, readVerificationCode, verificationKeyword } from './document-fingerprint';
import type { OrderDocumentData } from './order-document-data';
import { sampleOrder } from './test/sample-order';

describe('verification code (R4.3)', () => {
  /** Every leaf of the data as a path, with a changed value for it. */
  function leafChanges(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; changed: unknown }[] {
    if (Array.isArray(value)) return value.flatMap((item, i) => leafChanges(item, [...path, i]));
    if (value !== null && typeof value === 'object') {
      return Object.entries(value).flatMap(([k, v]) => leafChanges(v, [...path, k]));
    }
    const changed = typeof value === 'number' ? value + 1 : value === null ? 'x' : `${String(value)}x`;
    return [{ path, changed }];
  }
  function withChange(data: OrderDocumentData, path: (string | number)[], changed: unknown): OrderDocumentData {
    const copy = structuredClone(data) as unknown as Record<string | number, unknown>;
    let target = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    target[path[path.length - 1]] = changed;
    return copy as unknown as OrderDocumentData;
  }
  /** The same data with every object's keys in reverse order. */
  function reversedKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(reversedKeys);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, reversedKeys(v)]),
      );
    }
    return value;
  }

  it('R4.3 the fingerprint changes when any issued field changes and not when key order changes', () => {
    const data = sampleOrder();
    const code = documentFingerprint(data);
    expect(code).toMatch(/^[0-9a-f]{64}$/);

    const reordered = reversedKeys(data) as OrderDocumentData;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(data)[0]);
    expect(documentFingerprint(reordered)).toBe(code);

    const changes = leafChanges(data).filter(({ path }) => path[0] !== 'status' && path[0] !== 'verificationCode');
    expect(changes.length).toBeGreaterThan(40);
    for (const { path, changed } of changes) {
      expect({ path, fingerprint: documentFingerprint(withChange(data, path, changed)) }).not.toEqual({ path, fingerprint: code });
    }
    // Structure counts too: a line dropped, lines swapped, an approval added, the signature removed.
    expect(documentFingerprint({ ...data, lines: data.lines.slice(1) })).not.toBe(code);
    expect(documentFingerprint({ ...data, lines: [...data.lines].reverse() })).not.toBe(code);
    expect(documentFingerprint({ ...data, approvals: [...data.approvals, data.approvals[0]] })).not.toBe(code);
    expect(documentFingerprint({ ...data, signature: null })).not.toBe(code);

    // Not content: the code itself, and the status, which moves on after issuance.
    expect(documentFingerprint({ ...data, verificationCode: 'anything' })).toBe(code);
    expect(documentFingerprint({ ...data, status: 'IN_PRODUCTION' })).toBe(code);
  });

  it('R4.3 the rule does not drift: the sample order still has the code it was issued with', () => {
    // Issued orders keep their code; a change to the rule (or to canonical JSON) would orphan every one of them.
    expect(documentFingerprint(sampleOrder())).toBe('b8df2f45b70177f59c9c83fbd28c00fcced1a7957e14ec5aa289aac1ec368953');
  });

  it('R4.3 reads the code back from the info dictionary and from the printed footer', () => {
    const code = documentFingerprint(sampleOrder());
    expect(readVerificationCode(Buffer.from(`<< /Keywords (order:SO-2026-000123 ${verificationKeyword(code)}) >>`, 'latin1'))).toBe(code);
    expect(extractVerificationCode(`Verification code 校验码: ${code.toUpperCase()}\nPage 1 / 1`)).toBe(code);
  });

  it('R4.3 finds no verification code where there is none', () => {
    expect(extractVerificationCode('Order SO-1, no code here')).toBeNull();
    expect(readVerificationCode(Buffer.from('%PDF-1.3 nothing'))).toBeNull();
  });
});
