/**
 * Drops observations a consumer has already seen, by (datastream, measurement time): the
 * relay may publish a batch twice after a crash, and a hut's retry may re-send rows. It
 * remembers the most recent `capacity` keys (oldest forgotten first), which covers any
 * re-publication window of the relay many times over; effects downstream stay idempotent
 * for anything older.
 */
export class DuplicateFilter {
  private readonly seen = new Set<string>();
  /** The remembered keys in insertion order, as a ring: `next` is the oldest once full. */
  private readonly order: string[] = [];
  private next = 0;

  constructor(private readonly capacity = 500_000) {}

  /** True the first time a (datastream, time) pair is offered, false for repeats. */
  isNew(datastream: string, timeMs: number): boolean {
    const key = `${datastream}\u0000${timeMs}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    // Not `seen.values().next()` for the oldest: after many deletions from its front, V8
    // walks every deleted slot to find the first live one (~100 µs per call when full).
    if (this.order.length < this.capacity) {
      this.order.push(key);
    } else {
      this.seen.delete(this.order[this.next] as string);
      this.order[this.next] = key;
      this.next = (this.next + 1) % this.capacity;
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
