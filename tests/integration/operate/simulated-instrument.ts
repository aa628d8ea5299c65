import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { repoRoot } from '../../support/server';

export interface SimEvent {
  event: 'ready' | 'received' | 'executed' | 'posted';
  id?: string;
  command?: string;
  [key: string]: unknown;
}

export interface SimulatedInstrument {
  child: ChildProcess;
  events: SimEvent[];
  count(event: SimEvent['event'], id?: string): number;
  stop(): Promise<void>;
}

/** Starts resources/instruments/airglow-imager-sim.ts and waits until it listens for commands. */
export async function startSimulatedInstrument(args: string[]): Promise<SimulatedInstrument> {
  const script = path.join(repoRoot, 'resources', 'instruments', 'airglow-imager-sim.ts');
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin', 'run-ts.js'), script, ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const events: SimEvent[] = [];
  const lines = readline.createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('simulated instrument not ready in 30 s')),
      30_000,
    );
    child.once('exit', (code) => reject(new Error(`simulated instrument exited with ${code}`)));
    lines.on('line', (line) => {
      const event = JSON.parse(line) as SimEvent;
      events.push(event);
      if (event.event === 'ready') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    child,
    events,
    count: (event, id) =>
      events.filter((e) => e.event === event && (id === undefined || e.id === id)).length,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
