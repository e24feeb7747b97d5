/** Sends `count` POSTs, `concurrency` at a time; returns each answer's id and when it came back. */
export async function postConcurrently(
  url: string,
  headers: Record<string, string>,
  body: () => Record<string, unknown>,
  count: number,
  concurrency: number,
): Promise<{ posted: { id: string; at: number }[]; seconds: number }> {
  const posted: { id: string; at: number }[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body()) });
        if (res.status !== 201) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
        posted.push({ id: ((await res.json()) as { id: string }).id, at: Date.now() });
      }
    }),
  );
  return { posted, seconds: (Date.now() - started) / 1000 };
}
