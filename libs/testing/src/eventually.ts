/** Thrown inside `eventually` to stop retrying at once (the thing waited for can no longer happen). */
export class GiveUp extends Error {}

/** Retries an assertion until it passes or the time is up; the last failure is what the test reports. */
export async function eventually<T>(fn: () => Promise<T>, { timeoutMs = 30000, intervalMs = 200 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof GiveUp || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
