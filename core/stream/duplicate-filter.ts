/**
 * Drops observations a consumer has already seen, by (datastream, measurement time): the
 * relay may publish a batch twice after a crash, and a hut's retry may re-send rows. It
 * remembers the most recent `capacity` keys (oldest forgotten first), which covers any
 * re-publication window of the relay many times over; effects downstream stay idempotent
 * for anything older.
 */
export class DuplicateFilter {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 500_000) {}

  /** True the first time a (datastream, time) pair is offered, false for repeats. */
  isNew(datastream: string, timeMs: number): boolean {
    const key = `${datastream}\u0000${timeMs}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > this.capacity) {
      // Sets iterate in insertion order: the first key is the oldest.
      const oldest = this.seen.values().next().value as string;
      this.seen.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
