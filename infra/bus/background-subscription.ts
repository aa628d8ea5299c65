import type { Bus, BusLog, SubscribeOptions, Subscription } from './types';

/** How long to wait before trying to join again while the bus cannot be reached. */
const RETRY_MS = 5_000;

/**
 * Subscribes without making the caller wait for the bus: while a broker cannot be reached
 * (a hut whose uplink is down at start-up) it keeps trying in the background, so a process
 * starts and serves locally anyway. pause/resume/stop work before and after joining.
 */
export function subscribeInBackground(
  bus: Bus,
  options: SubscribeOptions,
  log: BusLog,
): Subscription {
  let joined: Subscription | undefined;
  let paused = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let attempt: Promise<void> | undefined;
  const join = async () => {
    try {
      const subscription = await bus.subscribe(options);
      if (stopped) return void (await subscription.stop());
      joined = subscription;
      if (paused) subscription.pause();
    } catch (error) {
      log('info', 'bus not reachable yet; joining again soon', {
        groupId: options.groupId,
        error: (error as Error).message,
      });
      if (!stopped) timer = setTimeout(() => (attempt = join()), RETRY_MS);
    }
  };
  attempt = join();
  return {
    pause() {
      paused = true;
      joined?.pause();
    },
    resume() {
      paused = false;
      joined?.resume();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await attempt;
      await joined?.stop();
    },
  };
}
