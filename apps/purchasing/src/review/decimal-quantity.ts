/**
 * Material quantities as exact decimals (N3 spirit: no float arithmetic for what is bought and paid for):
 * integer millionths as bigint. Stock is kept to 3 decimals and bills of materials rarely need more, so six
 * leave room for quantity-per-unit figures such as 0.0125 kg.
 */
const SCALE = 6;
const ONE = 10n ** BigInt(SCALE);

/** "0.8", 0.8, "400.000" -> micro-units. A number is read as its shortest decimal form, rounded to 6 places. */
export function toMicro(value: number | string): bigint {
  const text = typeof value === 'number' ? value.toFixed(SCALE) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a decimal quantity: ${JSON.stringify(value)}`);
  const [, sign, whole, fraction = ''] = match;
  let micro = BigInt(whole) * ONE + BigInt(fraction.slice(0, SCALE).padEnd(SCALE, '0'));
  // Half up beyond six decimals: a string with more precision than stock can hold.
  if (fraction.length > SCALE && Number(fraction[SCALE]) >= 5) micro += 1n;
  return sign ? -micro : micro;
}

/** 80_000_000n -> "80", 12_500_000n -> "12.5". */
export function formatQuantity(micro: bigint): string {
  const sign = micro < 0n ? '-' : '';
  const abs = micro < 0n ? -micro : micro;
  const fraction = (abs % ONE).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${sign}${abs / ONE}${fraction ? `.${fraction}` : ''}`;
}

/** quantity (whole units of product) x quantity per unit. */
export function timesQuantity(perUnit: bigint, quantity: number): bigint {
  if (!Number.isSafeInteger(quantity)) throw new Error(`quantity must be a safe integer, got ${quantity}`);
  return perUnit * BigInt(quantity);
}
