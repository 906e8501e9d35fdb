/**
 * Whether a database error is a violation of the named constraint. Compare with the name's
 * constant exported beside the table that declares it, never with a string of its own: a
 * renamed constraint then changes both. drizzle wraps the driver's error; the name is on
 * its `cause` (PGlite's errors carry it directly).
 */
export function violates(error: unknown, constraint: string): boolean {
  const e = error as { constraint?: string; cause?: { constraint?: string } } | null;
  return (e?.cause?.constraint ?? e?.constraint) === constraint;
}
