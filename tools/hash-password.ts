import { createInterface } from 'node:readline';
import { hashPassword } from '@opm/platform';

/**
 * `npm run hash-password`: reads a password from standard input and prints its scrypt hash for the gateway's
 * USERS_FILE ([{username, department, role, passwordHash}]); the password itself is never stored.
 */
async function main(): Promise<void> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const [password] = await new Promise<string[]>((resolve) => {
    const lines: string[] = [];
    rl.on('line', (l) => lines.push(l)).on('close', () => resolve(lines));
  });
  if (!password || password.length < 8) {
    process.stderr.write('hash-password: give a password of at least 8 characters on standard input\n');
    process.exit(2);
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}

void main();
