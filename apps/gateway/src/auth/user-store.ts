import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { DEMO_USERS } from '@opm/contracts';
import { hashPassword, type Principal, UsersFileSchema, verifyPassword } from '@opm/platform';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';

interface StoredUser extends Principal {
  passwordHash: string;
}

/**
 * The built-in user store: users from USERS_FILE (hashes only, never passwords), plus the demo users when
 * demo data is on (never in production mode). Companies with their own identity provider use OIDC instead.
 */
@Injectable()
export class UserStore implements OnModuleInit {
  private readonly logger = new Logger(UserStore.name);
  private readonly users = new Map<string, StoredUser>();
  /** Compared against when the username is unknown, so a miss costs as much time as a wrong password. */
  private decoy = '';

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.config.USERS_FILE) {
      const users = UsersFileSchema.parse(JSON.parse(await readFile(this.config.USERS_FILE, 'utf8')));
      for (const u of users) this.users.set(u.username, u);
    }
    if (this.config.DEMO_DATA) {
      const password = this.config.DEMO_PASSWORD as string;
      const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(password)));
      DEMO_USERS.forEach((u, i) => this.users.set(u.username, { ...u, passwordHash: hashes[i] }));
      this.logger.log(`demo users on: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
    }
    this.decoy = await hashPassword('decoy');
  }

  async authenticate(username: string, password: string): Promise<Principal | undefined> {
    const user = this.users.get(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? this.decoy);
    if (!user || !ok) return undefined;
    return { username: user.username, department: user.department, role: user.role };
  }
}
