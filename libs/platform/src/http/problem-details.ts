import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  ParseUUIDPipe,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details: the one error shape every service and the gateway answer with (API.md "Errors"). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export class ProblemException extends HttpException {
  constructor(status: number, detail: string, extra: Record<string, unknown> = {}) {
    super({ detail, ...extra }, status);
  }
}

/** 409: the action is not allowed in the current state (R1.1), or a stale version. */
export class ConflictProblem extends ProblemException {
  constructor(detail: string, extra: Record<string, unknown> = {}) {
    super(HttpStatus.CONFLICT, detail, extra);
  }
}

/** 422: well-formed, but a business rule refuses it. */
export class BusinessRuleProblem extends ProblemException {
  constructor(detail: string, extra: Record<string, unknown> = {}) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, detail, extra);
  }
}

export class NotFoundProblem extends ProblemException {
  constructor(detail: string) {
    super(HttpStatus.NOT_FOUND, detail);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function problem(status: number, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  // Extensions first: they may add members, never replace the standard ones.
  return { ...extra, type: `https://httpstatuses.io/${status}`, title: TITLES[status] ?? 'Error', status, detail };
}

/** Flattens class-validator errors to one entry per bad field, with a dotted path (`lines.1.quantity`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Strict input (N5): unknown fields refused, every bad field named, types converted only where declared. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      return new BadRequestException({ detail: `Invalid request: ${[...new Set(fieldErrors.map((f) => f.field))].join(', ')}`, errors: fieldErrors });
    },
  });
}

/** Turns every error into problem details; anything unexpected is a 500 logged with its stack, never leaked. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toProblem(exception);
    if (body.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    void reply.status(body.status).header('content-type', 'application/problem+json').send(body);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'string') return problem(status, response);
      const { message, detail, statusCode: _statusCode, ...rest } = response as Record<string, unknown>;
      // Nest's own `error` is the status text; anything richer (a health check's failures) is kept.
      if (typeof rest.error === 'string') delete rest.error;
      const text = typeof detail === 'string' ? detail : Array.isArray(message) ? message.join('; ') : String(message ?? TITLES[status] ?? 'Error');
      return problem(status, text, rest);
    }
    // Fastify's own client errors (bad JSON, body too large, wrong content type) carry a statusCode.
    const statusCode = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return problem(statusCode, (exception as Error).message);
    }
    return problem(500, 'An unexpected error occurred; it has been logged.');
  }
}

/** A path parameter that must be a UUID; a bad one is a 400 naming it. */
export function uuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new BadRequestException({ detail: `${field} must be a UUID`, errors: [{ field, message: `${field} must be a UUID` }] }),
  });
}
