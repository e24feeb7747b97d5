import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEMO_USERS, DEPARTMENTS, ROLES } from '@opm/contracts';
import type { Principal } from './principal';

/** USERS_FILE: the built-in store's users, `[{username, department, role, passwordHash}]` (hashes from `npm run hash-password`). */
export const UsersFileSchema = z.array(
  z.object({
    username: z.string().min(1),
    department: z.enum(DEPARTMENTS),
    role: z.enum(ROLES),
    passwordHash: z.string().startsWith('scrypt$'),
    email: z.email().optional(),
  }),
);

/**
 * Who the built-in users are (department and role, never a hash): the demo users when DEMO_DATA is on, plus
 * USERS_FILE. A rule that names a user (a delegation's delegate) asks it whether that user exists and where
 * they belong. With an external identity provider alone there is no list to ask: `known` is false.
 */
/** A directory entry: the principal, and where to mail them when they have an address. */
export type DirectoryUser = Principal & { email?: string | null };

export class UserDirectory {
  private constructor(private readonly users: ReadonlyMap<string, DirectoryUser>) {}

  static load(config: { DEMO_DATA: boolean; USERS_FILE?: string }): UserDirectory {
    const users = new Map<string, DirectoryUser>();
    if (config.USERS_FILE) {
      for (const u of UsersFileSchema.parse(JSON.parse(readFileSync(config.USERS_FILE, 'utf8')))) users.set(u.username, { username: u.username, department: u.department, role: u.role, email: u.email ?? null });
    }
    if (config.DEMO_DATA) for (const u of DEMO_USERS) users.set(u.username, { ...u });
    return new UserDirectory(users);
  }

  static of(users: readonly DirectoryUser[]): UserDirectory {
    return new UserDirectory(new Map(users.map((u) => [u.username, u])));
  }

  /** Whether there is a list of users at all (false: only an external provider knows them). */
  get known(): boolean {
    return this.users.size > 0;
  }

  find(username: string): DirectoryUser | undefined {
    return this.users.get(username);
  }

  /** Every known user, for a rule that picks recipients by department and role (escalations, R6.5). */
  all(): DirectoryUser[] {
    return [...this.users.values()];
  }
}
