/**
 * `info.version` of the public API document. Move it with every change that can break a client (the contract
 * check, `apps/gateway/test/contract.e2e-spec.ts`, refuses a breaking change while it stays).
 */
export const PUBLIC_API_VERSION = '1.0.0';
