import { hashPassword, verifyPassword } from './password-hash';

describe(hashPassword.name, () => {
  it('N4 stores a salted scrypt hash that verifies only the right password', async () => {
    const stored = await hashPassword('s3cret');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('s3cret');
    expect(await hashPassword('s3cret')).not.toBe(stored);
    await expect(verifyPassword('s3cret', stored)).resolves.toBe(true);
    await expect(verifyPassword('S3cret', stored)).resolves.toBe(false);
    await expect(verifyPassword('s3cret', 'plain')).resolves.toBe(false);
  });
});
