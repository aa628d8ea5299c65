import { describeFault, type Fault } from './fault-schedule';
import type { SoakEnvironment } from './soak-station';
import type { Supervisor } from './supervisor';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Plays the schedule from `startedAt`, each fault at its time even while an earlier one (a
 * broker outage) still lasts, printing each as it happens; resolves when all are over.
 */
export async function playFaults(
  schedule: readonly Fault[],
  startedAt: number,
  environment: SoakEnvironment,
  supervisor: Supervisor,
): Promise<number> {
  const played = schedule.map(async (fault) => {
    await sleep(Math.max(0, startedAt + fault.atMs - Date.now()));
    console.error(`[soak] fault ${describeFault(fault)}`);
    if (fault.kind === 'kill') supervisor.kill(fault.process);
    else if (fault.kind === 'broker-outage') {
      const stoppedAt = Date.now();
      await environment.broker.stop();
      await sleep(stoppedAt + fault.durationMs - Date.now());
      await environment.broker.start();
      console.error(`[soak] broker back after ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s`);
    } else {
      await environment.postgres.restart(fault.mode);
      console.error('[soak] PostgreSQL back');
    }
  });
  await Promise.all(played);
  return played.length;
}
