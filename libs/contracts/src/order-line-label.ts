import type { OrderLine } from './events/sales-order-received/sales-order-received.event';

/**
 * "line 2 (Custom bracket, 304 steel 2 mm)", "line 1 (P-100 Steel flange DN100, DN100 PN16)": how a reason or
 * proposal names a line, so a reader finds it on the order without looking up line numbers.
 */
export function lineLabel(line: OrderLine, productName?: string | null): string {
  const what = line.productCode ? [line.productCode, productName ?? line.productName].filter(Boolean).join(' ') : (line.productName?.trim() || 'unnamed item');
  return `line ${line.lineNo} (${[what, line.specification?.trim()].filter(Boolean).join(', ')})`;
}
