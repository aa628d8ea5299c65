// PostgreSQL array literals passed as one text parameter: both pg and PGlite accept them, and
// one `unnest($1::text[], …)` statement then writes thousands of rows at once.

export function textArray(values: readonly (string | null)[]): string {
  const items = values.map((value) =>
    value === null ? 'NULL' : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  );
  return `{${items.join(',')}}`;
}

/** Integers, including 64-bit offsets as bigint. */
export function integerArray(values: readonly (number | bigint)[]): string {
  return `{${values.join(',')}}`;
}
