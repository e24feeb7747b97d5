import { canonicalJson } from './canonical-json';

describe(canonicalJson.name, () => {
  it('N4 gives one text for equal values whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson(new Date('2026-11-26T00:00:00Z'))).toBe('"2026-11-26T00:00:00.000Z"');
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }, 'x'], e: undefined })).toBe('{"a":[{"c":null,"d":2},"x"],"b":1}');
    expect(canonicalJson('订单')).toBe('"订单"');
  });
});
