import { clientErrorProblem, routerErrorProblem, SERVED_METHODS, unservedMethodProblem } from './framework-errors';

describe('framework error mapper (issue 11 item 7)', () => {
  it('I11.7 TRACE, CONNECT and WebDAV methods are 405 problem details; the methods the API uses pass', () => {
    for (const method of ['TRACE', 'CONNECT', 'PROPFIND', 'MKCOL', 'trace']) {
      expect(unservedMethodProblem(method)).toMatchObject({ status: 405, title: 'Method Not Allowed', type: 'https://httpstatuses.io/405' });
    }
    for (const method of SERVED_METHODS) expect(unservedMethodProblem(method)).toBeNull();
  });

  it("I11.7 Fastify's router errors become problem details: bad URL encoding 400 naming the path, an over-long segment 414", () => {
    expect(routerErrorProblem({ code: 'FST_ERR_BAD_URL' })).toMatchObject({ status: 400, errors: [{ field: 'path' }] });
    expect(routerErrorProblem({ code: 'FST_ERR_MAX_PARAM_LENGTH' })).toMatchObject({ status: 414, title: 'URI Too Long' });
    expect(routerErrorProblem({ code: 'FST_ERR_ASYNC_CONSTRAINT', message: 'x' })).toMatchObject({ status: 400 });
  });

  it("I11.7 Node's parser errors become problem details: 431 for oversized headers, 501 for an unknown method, 408, 400", () => {
    expect(clientErrorProblem({ code: 'HPE_HEADER_OVERFLOW' })).toMatchObject({ status: 431, title: 'Request Header Fields Too Large' });
    expect(clientErrorProblem({ code: 'HPE_INVALID_METHOD' })).toMatchObject({ status: 501 });
    expect(clientErrorProblem({ code: 'ERR_HTTP_REQUEST_TIMEOUT' })).toMatchObject({ status: 408 });
    expect(clientErrorProblem({ code: 'HPE_INVALID_HEADER_TOKEN' })).toMatchObject({ status: 400 });
    expect(clientErrorProblem({ code: 'ECONNRESET' })).toBeNull();
  });
});
