import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ConflictProblem } from './problem-details';

/** Reads `If-Match: 3` (also `"3"` or `W/"3"`) as the version the client last saw; absent is undefined. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header[0] : header).trim();
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match) {
    throw new BadRequestException({
      detail: 'If-Match must be the version number the client last saw',
      errors: [{ field: 'If-Match', message: 'must be a version number such as 3' }],
    });
  }
  return Number(match[1]);
}

/** The `If-Match` version of the request (API.md "Concurrency"). */
export const IfMatch = createParamDecorator((_: unknown, ctx: ExecutionContext): number | undefined =>
  parseIfMatch(ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);

/** A write based on a version other than the current one is refused with 409 (N3 optimistic concurrency). */
export function assertVersion(what: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) {
    throw new ConflictProblem(`${what} is at version ${current}; the request was based on version ${expected}`, { currentVersion: current });
  }
}
