import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEPARTMENTS, ROLES } from '@opm/contracts';
import type { Principal } from '@opm/platform';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { hashPassword, verifyPassword } from '@opm/platform';

/** The demo users of API.md: username = department.role, `leader` = MANAGEMENT/LEADER. */
export const DEMO_USERS: readonly Principal[] = [
  { username: 'sales.staff', department: 'SALES', role: 'STAFF' },
  { username: 'sales.head', department: 'SALES', role: 'HEAD' },
  { username: 'marketing.staff', department: 'MARKETING', role: 'STAFF' },
  { username: 'technical.head', department: 'TECHNICAL', role: 'HEAD' },
  { username: 'production.staff', department: 'PRODUCTION', role: 'STAFF' },
  { username: 'production.head', department: 'PRODUCTION', role: 'HEAD' },
  { username: 'quality.head', department: 'QUALITY', role: 'HEAD' },
  { username: 'purchasing.head', department: 'PURCHASING', role: 'HEAD' },
  { username: 'finance.staff', department: 'FINANCE', role: 'STAFF' },
  { username: 'finance.head', department: 'FINANCE', role: 'HEAD' },
  { username: 'logistics.staff', department: 'LOGISTICS', role: 'STAFF' },
  { username: 'leader', department: 'MANAGEMENT', role: 'LEADER' },
  { username: 'archive.staff', department: 'ARCHIVE', role: 'STAFF' },
];

const UsersFileSchema = z.array(
  z.object({
    username: z.string().min(1),
    department: z.enum(DEPARTMENTS),
    role: z.enum(ROLES),
    passwordHash: z.string().startsWith('scrypt$'),
  }),
);

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
