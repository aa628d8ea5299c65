/**
 * A worker's clock: runs `round` at start, then again `intervalMs` after each round ends,
 * so two rounds never overlap however slow one is. A failed round is reported and the next
 * one comes as usual; stop() waits for a round under way.
 */
export class PeriodicRounds {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    private readonly round: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.current = this.round()
        .then(() => undefined)
        .catch(this.onError)
        .finally(() => {
          if (this.running) this.schedule(this.intervalMs);
        });
    }, delayMs);
  }
}
