import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/openapi';
import { readOpenApiSnapshot } from './openapi-document';
import { ResponseValidator } from './response-validator';

/** The typed client of the public API (types generated from `docs/api/openapi.json`). */
export type ApiClient = Client<paths>;

/** The body of an answer, read from a copy so the caller still gets the whole response. */
async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.clone().text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * openapi-fetch middleware that checks every answer against the operation's declared response (`ResponseValidator`);
 * an answer the document does not describe throws a ContractViolation out of the call.
 */
export function responseValidation(validator: ResponseValidator): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      validator.check({
        method: request.method,
        path: schemaPath,
        status: response.status,
        contentType: response.headers.get('content-type'),
        body: await bodyOf(response),
      });
      return undefined;
    },
  };
}

let snapshotValidator: ResponseValidator | undefined;

/** A validator over the checked-in snapshot, shared by the clients that are not given one. */
export function snapshotResponseValidator(): ResponseValidator {
  return (snapshotValidator ??= new ResponseValidator(readOpenApiSnapshot()));
}

export interface ApiClientOptions {
  /** Checks every answer (default: against the checked-in snapshot); `false` only for a test that sends what the document forbids on purpose. */
  validator?: ResponseValidator | false;
  /** Extra headers on every call. */
  headers?: Record<string, string>;
  /** The fetch to send with (a unit test's stand-in); the global one by default. */
  fetch?: typeof fetch;
}

/**
 * The typed client of the gateway at `baseUrl` (its root: the paths are `/api/v1/...`), with the bearer `token`
 * on every call if given, and every answer checked against the document.
 */
export function apiClient(baseUrl: string, token?: string, options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const validator = options.validator === undefined ? snapshotResponseValidator() : options.validator;
  if (validator) client.use(responseValidation(validator));
  return client;
}
