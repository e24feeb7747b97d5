import { z } from 'zod';

export const MoneySchema = z
  .string()
  .regex(/^-?\d{1,15}(\.\d{1,2})?$/, 'a decimal amount with at most 2 decimals')
  .describe('Money travels as a decimal string with up to 2 fraction digits ("12.50"); never a float (N3).');
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code').describe('An ISO 4217 currency code.');

/** "12.5" -> 1250n (minor units). Throws on anything MoneySchema would refuse. */
export function toMinorUnits(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new Error(`not a money amount: ${JSON.stringify(amount)}`);
  const [, sign, whole, fraction = ''] = match;
  const minor = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign ? -minor : minor;
}

/** 1250n -> "12.50". */
export function fromMinorUnits(minor: bigint): string {
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** unit price x quantity, exactly (N3: never a float). */
export function multiplyMoney(unitPrice: string, quantity: number): string {
  if (!Number.isSafeInteger(quantity)) throw new Error(`quantity must be a safe integer, got ${quantity}`);
  return fromMinorUnits(toMinorUnits(unitPrice) * BigInt(quantity));
}

export function sumMoney(amounts: readonly string[]): string {
  return fromMinorUnits(amounts.reduce((total, a) => total + toMinorUnits(a), 0n));
}
