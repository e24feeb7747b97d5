import { ArgumentsHost, BadRequestException, ServiceUnavailableException } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details';

function render(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header() {
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return sent;
}

describe(ProblemDetailsFilter.name, () => {
  it('N5 renders a validation error as problem details with every field', () => {
    const { status, body } = render(new BadRequestException({ detail: 'Invalid request: a', errors: [{ field: 'a', message: 'bad' }] }));
    expect(status).toBe(400);
    expect(body).toEqual({ type: 'https://httpstatuses.io/400', title: 'Bad Request', status: 400, detail: 'Invalid request: a', errors: [{ field: 'a', message: 'bad' }] });
  });

  it('N6 keeps a failed readiness check as 503 with what is down, its numeric status intact', () => {
    const { status, body } = render(new ServiceUnavailableException({ status: 'error', info: {}, error: { kafka: { status: 'down' } }, details: {} }));
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 503, title: 'Service Unavailable', error: { kafka: { status: 'down' } } });
  });

  it('N5 never leaks an unexpected error', () => {
    const { status, body } = render(new Error('secret internals'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('secret');
  });
});
