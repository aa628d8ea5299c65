/** Counts what was sent and what came back, for the summary at the end of the run. */
export class FuzzTally {
  total = 0;
  /** Answers lost to a reset after an early close, and got by a replay. */
  replays = 0;
  private readonly byStatus = new Map<number, number>();
  private readonly byArea = new Map<string, number>();

  record(area: string, status: number, replayed = false): void {
    this.total += 1;
    if (replayed) this.replays += 1;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    const family = area.split(':')[0] ?? area;
    this.byArea.set(family, (this.byArea.get(family) ?? 0) + 1);
  }

  report(): string {
    const statuses = [...this.byStatus].sort(([a], [b]) => a - b);
    const areas = [...this.byArea].sort(([a], [b]) => a.localeCompare(b));
    const histogram = statuses.map(([status, n]) => `${status || 'closed by Node'}: ${n}`);
    return [
      `[fuzz] ${this.total} requests sent (${this.replays} replayed after an early close)`,
      `[fuzz] by status: ${histogram.join(', ')}`,
      `[fuzz] by area: ${areas.map(([area, n]) => `${area}: ${n}`).join(', ')}`,
    ].join('\n');
  }
}
