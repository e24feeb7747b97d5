import { createRemoteJWKSet, JWTPayload, jwtVerify } from 'jose';
import type { AuthConfig } from './auth-config';
import { isDepartment, isRole, Principal } from './principal';

export class InvalidToken extends Error {}

/**
 * Verifies a bearer token: one the gateway issued (HS256, shared secret), or one from the configured
 * OpenID Connect provider (its JWKS). Every service verifies again; nothing is trusted for being inside.
 */
export class TokenVerifier {
  private readonly secret: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: AuthConfig) {
    this.secret = new TextEncoder().encode(config.JWT_SECRET);
    if (config.OIDC_JWKS_URL) this.jwks = createRemoteJWKSet(new URL(config.OIDC_JWKS_URL));
  }

  async verify(token: string): Promise<Principal> {
    try {
      const issuer = this.peekIssuer(token);
      if (this.jwks && issuer === this.config.OIDC_ISSUER) {
        const { payload } = await jwtVerify(token, this.jwks, {
          issuer: this.config.OIDC_ISSUER,
          ...(this.config.OIDC_AUDIENCE ? { audience: this.config.OIDC_AUDIENCE } : {}),
        });
        return this.principal(payload, this.config.OIDC_USERNAME_CLAIM, this.config.OIDC_DEPARTMENT_CLAIM, this.config.OIDC_ROLE_CLAIM);
      }
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        algorithms: ['HS256'],
      });
      return this.principal(payload, 'sub', 'department', 'role');
    } catch (err) {
      throw err instanceof InvalidToken ? err : new InvalidToken((err as Error).message);
    }
  }

  private peekIssuer(token: string): unknown {
    const [, body] = token.split('.');
    if (!body) throw new InvalidToken('malformed token');
    try {
      return (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as JWTPayload).iss;
    } catch {
      throw new InvalidToken('malformed token');
    }
  }

  private principal(payload: JWTPayload, userClaim: string, departmentClaim: string, roleClaim: string): Principal {
    const username = payload[userClaim];
    const department = String(payload[departmentClaim] ?? '').toUpperCase();
    const role = String(payload[roleClaim] ?? '').toUpperCase();
    if (typeof username !== 'string' || !username) throw new InvalidToken(`token has no ${userClaim}`);
    if (!isDepartment(department)) throw new InvalidToken(`token's ${departmentClaim} is not a known department`);
    if (!isRole(role)) throw new InvalidToken(`token's ${roleClaim} is not a known role`);
    return { username, department, role };
  }
}
