/** The value, or a failure naming what is missing (the house lint forbids non-null assertions). */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}
