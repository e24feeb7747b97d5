/** A service's own probes and documentation stay at its root; every other path it declares is public under /api/v1. */
export function isPublishedPath(path: string): boolean {
  return !path.startsWith('/health') && !path.startsWith('/docs');
}
