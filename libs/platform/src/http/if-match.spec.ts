import { HttpException } from '@nestjs/common';
import { assertVersion, parseIfMatch } from './if-match';

describe(parseIfMatch.name, () => {
  it('N3 reads the version in its usual spellings', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('3')).toBe(3);
    expect(parseIfMatch('"12"')).toBe(12);
    expect(parseIfMatch('W/"7"')).toBe(7);
  });

  it('N5 a malformed If-Match is a 400 naming the header', () => {
    try {
      parseIfMatch('abc');
      throw new Error('accepted');
    } catch (err) {
      expect((err as HttpException).getStatus()).toBe(400);
      expect((err as HttpException).getResponse()).toMatchObject({ errors: [{ field: 'If-Match' }] });
    }
  });
});

describe(assertVersion.name, () => {
  it('R1.1 a stale version is a 409 naming the current one', () => {
    expect(() => assertVersion('order SO-2026-000001', 4, undefined)).not.toThrow();
    expect(() => assertVersion('order SO-2026-000001', 4, 4)).not.toThrow();
    try {
      assertVersion('order SO-2026-000001', 4, 3);
      throw new Error('accepted');
    } catch (err) {
      expect((err as HttpException).getStatus()).toBe(409);
      expect((err as HttpException).getResponse()).toMatchObject({ currentVersion: 4 });
    }
  });
});
