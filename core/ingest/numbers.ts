// Stricter than Number(): refuses "", "0x1A", "Infinity", " 1 " and other shapes that
// Number() happily converts, so only plain decimal notation becomes a value.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The finite number written in plain decimal notation, or null. Trim the text first. */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
