import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, ProblemDetails } from './problem-details';

/**
 * The one error mapper for what the framework answers before Nest sees a request (issue 11): a path that is
 * not valid percent-encoding, a path parameter longer than the router takes (414), headers too large (431),
 * a method no operation uses (405: TRACE, CONNECT, WebDAV...), a method Node's parser does not even know (501,
 * as RFC 9110 15.6.2 says). Each is answered as RFC 9457 problem details, like everything else.
 */

/** The methods the platform's operations use; any other (TRACE, CONNECT, WebDAV...) is 405 before routing. */
export const SERVED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** `Allow` of a 405 for a method no resource takes: what some resources take (each route's own 405 is narrower). */
export const SERVED_METHODS_ALLOW = [...SERVED_METHODS].join(', ');

/** What a method outside SERVED_METHODS is answered (null: the method is served). */
export function unservedMethodProblem(method: string): ProblemDetails | null {
  if (SERVED_METHODS.has(method.toUpperCase())) return null;
  return problem(405, `${method} is not allowed on any resource of this API; it takes ${SERVED_METHODS_ALLOW}`);
}

/** Fastify's router errors (`frameworkErrors`), by code. */
export function routerErrorProblem(error: { code?: string; message?: string }): ProblemDetails {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return problem(400, 'the request path is not valid percent-encoded UTF-8', { errors: [{ field: 'path', message: 'is not valid percent-encoding' }] });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(414, 'a path segment is longer than the API takes');
    default:
      return problem(400, error.message ?? 'the request could not be routed');
  }
}

/** Node's parser errors (`clientError`), by code; null when there is nobody left to answer. */
export function clientErrorProblem(error: { code?: string }): ProblemDetails | null {
  switch (error.code) {
    case 'ECONNRESET':
    case 'EPIPE':
      return null;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem(408, 'the request did not arrive in time');
    case 'HPE_HEADER_OVERFLOW':
      return problem(431, 'the request line and headers are larger than the server takes');
    case 'HPE_INVALID_METHOD':
      return problem(501, `the method is not implemented here; the API takes ${[...SERVED_METHODS].join(', ')}`);
    default:
      return problem(400, 'the request is not valid HTTP');
  }
}

function sendProblem(reply: FastifyReply, body: ProblemDetails): void {
  void reply.status(body.status).header('content-type', 'application/problem+json').send(body);
}

/** Fastify's `frameworkErrors` option. */
export function onFrameworkError(error: Error & { code?: string }, _req: FastifyRequest, reply: FastifyReply): void {
  sendProblem(reply, routerErrorProblem(error));
}

/** Fastify's `clientErrorHandler` option: a raw HTTP answer on the socket, as Node's own would be, in problem details. */
export function onClientError(error: Error & { code?: string }, socket: Socket): void {
  const body = clientErrorProblem(error);
  if (body && !socket.destroyed && socket.writable) {
    const text = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status] ?? 'Error'}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/problem+json\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}

/** The onRequest hook: methods nobody serves are 405, before any route or guard runs. */
export function refuseUnservedMethods(req: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const body = unservedMethodProblem(req.method);
  if (body) {
    void reply.header('allow', SERVED_METHODS_ALLOW);
    sendProblem(reply, body);
    return;
  }
  done();
}
