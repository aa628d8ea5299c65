import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { repoRoot } from '../support/server';

const firnBin = path.join(repoRoot, 'bin', 'firn.js');
/** How long a process stays down after it died, as a service manager would wait. */
const RESTART_DELAY_MS = 1_000;

export interface ProcessSpec {
  name: string;
  args: string[];
  /** The stdout line that says it is up. */
  ready: RegExp;
}

interface Supervised {
  spec: ProcessSpec;
  child?: ChildProcess;
  /** Set when the soak killed it on purpose: that exit is a fault, not a crash. */
  killedOnPurpose: boolean;
  starts: number;
  /** Whether the current child said it is up: dying before that is a failed start. */
  up: boolean;
}

/**
 * Runs the station's processes like a service manager: restarts any that exits, after a
 * second. Exits the soak did not cause are counted (they are crashes: the pieces must ride
 * out a broker outage or a database restart, not die of it) and their logs kept.
 */
export class Supervisor {
  private readonly processes = new Map<string, Supervised>();
  private stopping = false;
  /** Processes that died after they were up, without being killed by the soak. */
  readonly crashes: string[] = [];
  /** Starts that failed, e.g. while the database was restarting; the next one is a second later. */
  failedStarts = 0;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
  ) {}

  async start(spec: ProcessSpec): Promise<void> {
    const entry: Supervised = { spec, killedOnPurpose: false, starts: 0, up: false };
    this.processes.set(spec.name, entry);
    await this.launch(entry);
  }

  /** kill -9, as a power cut or the OOM killer would; the supervisor brings it back. */
  kill(name: string): void {
    const entry = this.processes.get(name);
    if (!entry?.child || entry.child.exitCode !== null) return;
    entry.killedOnPurpose = true;
    entry.child.kill('SIGKILL');
  }

  /** Waits until every process is up (after restarts). */
  async allUp(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ([...this.processes.values()].some((p) => !p.up)) {
      if (Date.now() > deadline) throw new Error('a station process did not come back');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  restarts(): Record<string, number> {
    return Object.fromEntries([...this.processes].map(([n, p]) => [n, p.starts - 1]));
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.processes.values()].map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
  }

  private async launch(entry: Supervised): Promise<void> {
    entry.starts += 1;
    entry.up = false;
    const log = fs.openSync(path.join(this.logDir, `${entry.spec.name}.log`), 'a');
    const child = spawn(process.execPath, [firnBin, ...entry.spec.args], {
      env: this.env,
      stdio: ['ignore', 'pipe', log],
    });
    fs.closeSync(log);
    entry.child = child;
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      if (!entry.up) this.failedStarts += 1;
      else if (!entry.killedOnPurpose) this.crashes.push(`${entry.spec.name} (${signal ?? code})`);
      entry.up = false;
      entry.killedOnPurpose = false;
      setTimeout(() => void this.launch(entry).catch(() => undefined), RESTART_DELAY_MS);
    });
    const lines = readline.createInterface({ input: child.stdout! });
    await new Promise<void>((resolve, reject) => {
      child.once('exit', () => reject(new Error(`${entry.spec.name} exited while starting`)));
      lines.on('line', (line) => {
        if (!entry.spec.ready.test(line)) return;
        entry.up = true;
        resolve();
      });
    });
  }
}
