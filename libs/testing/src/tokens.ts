import { SignJWT } from 'jose';
import { DEVELOPMENT_JWT_SECRET, Principal } from '@opm/platform';

/**
 * A token as the gateway issues it (HS256, development secret), for tests that reach a service directly
 * without a gateway. `secret` and `expiresIn` let a test forge a bad one.
 */
export async function mintToken(principal: Principal, { secret = DEVELOPMENT_JWT_SECRET, expiresIn = '15m' } = {}): Promise<string> {
  return new SignJWT({ department: principal.department, role: principal.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.username)
    .setIssuer('opm-gateway')
    .setAudience('opm')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
