/**
 * Label values of the HTTP metrics (issue 11, item 4). A label must never carry what a client chose (an id, a
 * code, a query string), or every order would make a new time series: the route is the template the router
 * matched, written as OpenAPI does (`/orders/{id}`), and a request that matched no route is `unmatched`.
 */
export const UNMATCHED_ROUTE = 'unmatched';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE']);

/** A router's template (Fastify's `/orders/:id`, or OpenAPI's `/orders/{id}`) as the route label. */
export function routeLabel(template: string | null | undefined): string {
  if (!template) return UNMATCHED_ROUTE;
  const path = template.split('?', 1)[0];
  const normalised = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1).replace(/\(.*$/, '')}}` : segment))
    .join('/');
  return normalised.length > 1 ? normalised.replace(/\/+$/, '') : normalised;
}

/** The method as sent when it is a known one, else `other` (a client can send any token as a method). */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? '').toUpperCase();
  return METHODS.has(upper) ? upper : 'other';
}

/** The status code as text; anything outside 100-599 (a reply never sent) is `0`. */
export function statusLabel(status: number | undefined): string {
  return status !== undefined && Number.isInteger(status) && status >= 100 && status <= 599 ? String(status) : '0';
}
