import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InstrumentSpec } from '../../core/contracts/operations';
import { openBus } from '../../infra/bus/open-bus';
import type { Bus } from '../../infra/bus/types';
import { submitJob } from '../../infra/jobs/submit-job';
import { completeApproval, proposeCommand } from '../../infra/operations/command-proposals';
import { findCommand } from '../../infra/operations/command-reads';
import { syncInstruments } from '../../infra/operations/instrument-store';
import { createLogger } from '../../infra/logger';
import { readInstrumentCatalogue } from '../../server/operations/instrument-catalogue-file';
import { createIngestToken } from '../../server/tokens/token-service';
import { commandIdOfJob } from '../../workers/operate/operate-handlers';
import { executeCommand } from '../../workers/operate/command-executor';
import { DriverPool } from '../../workers/operate/drivers/driver-pool';
import { OperateWorker } from '../../workers/operate/operate-worker';
import { backends } from '../support/backends';
import { repoRoot, startTestStation, type TestStation } from '../support/server';
import { startSimulatedInstrument, type SimulatedInstrument } from './operate/simulated-instrument';

// The operate worker against the real Mosquitto at 127.0.0.1:1883 and the simulated airglow
// imager as its own process, on PostgreSQL (a killed worker process shares the database).
const MQTT_URL = 'mqtt://127.0.0.1:1883';
const run = randomBytes(4).toString('hex');
const airglow = readInstrumentCatalogue().instruments[0]!;

/** The catalogue's imager on topics of this run only, under another id when asked. */
function variant(id: string, timeoutSeconds: number): InstrumentSpec {
  return {
    ...airglow,
    id,
    driver: { kind: 'mqtt', url: MQTT_URL, topicPrefix: `firn-test/${run}/${id}` },
    commands: airglow.commands.map((c) => ({ ...c, timeoutSeconds })),
  };
}

describe('operate worker over MQTT with the simulated imager', () => {
  let station: TestStation;
  let bus: Bus;
  let token: string;
  let watcher: MqttClient;
  const sims: SimulatedInstrument[] = [];
  /** Every message seen on a command topic, by command id: what the instruments received. */
  const sent = new Map<string, number>();

  const startSim = async (id: string, ...flags: string[]) => {
    const args = [
      '--instrument',
      id,
      '--topic-prefix',
      `firn-test/${run}/${id}`,
      '--ingest',
      station.server.url,
    ];
    const sim = await startSimulatedInstrument([
      ...args,
      '--token',
      token,
      '--exposure',
      '30',
      ...flags,
    ]);
    sims.push(sim);
    return sim;
  };
  const approved = async (
    id: string,
    instrument: string,
    command: string,
    params: Record<string, unknown>,
  ) => {
    const result = await proposeCommand(
      station.db,
      id,
      { instrument, command, params },
      {
        name: 'sam',
        role: 'scientist',
        ruleId: null,
      },
    );
    expect(result.ok).toBe(true);
    const state = await station.db.transaction(async (tx) =>
      completeApproval(tx, (await findCommand(tx, id))!, {
        name: 'otto',
        role: 'operator',
        reason: '',
      }),
    );
    expect(state).toBe('approved');
  };
  const auditActions = async (id: string) =>
    (
      await station.db.query<{ action: string }>(
        'SELECT action FROM operations_audit WHERE command_id = $1 ORDER BY id',
        [id],
      )
    ).rows.map((r) => r.action);

  beforeAll(async () => {
    station = await startTestStation(backends[0]!, {
      bus: async (db) => (bus = await openBus({ db })),
    });
    await syncInstruments(station.db, [
      variant('zugspitze.airglow', 10),
      variant('zugspitze.silent', 2),
      variant('zugspitze.slow', 15),
    ]);
    token = await createIngestToken(station.db, 'zugspitze', 'simulated imager');
    watcher = await mqtt.connectAsync(MQTT_URL);
    await watcher.subscribeAsync(`firn-test/${run}/+/commands`, { qos: 1 });
    watcher.on('message', (_topic, payload) => {
      const id = (JSON.parse(payload.toString('utf8')) as { id: string }).id;
      sent.set(id, (sent.get(id) ?? 0) + 1);
    });
  });
  afterAll(async () => {
    for (const sim of sims) await sim.stop();
    await watcher?.endAsync();
    await station?.close();
  });

  it('runs an approved command once, the imager acknowledges it and its change shows in the data', async () => {
    const sim = await startSim('zugspitze.airglow');
    const worker = new OperateWorker({ db: station.db, bus, logger: createLogger('silent') });
    worker.start();
    try {
      const call = (method: string, route: string, user: string, body: unknown) =>
        fetch(`${station.server.url}${route}`, {
          method,
          headers: { 'Content-Type': 'application/json', 'X-Firn-User': user },
          body: JSON.stringify(body),
        });
      await station.db
        .query(`INSERT INTO users (name, role, password_params, password_salt, password_hash)
        VALUES ('otto', 'operator', 'x', 'x', 'x')`);
      const request = {
        id: `exp-${run}`,
        instrument: 'zugspitze.airglow',
        command: 'set-exposure',
        params: { seconds: 7 },
      };
      expect((await call('POST', '/api/v1/operations/commands', 'sam', request)).status).toBe(201);
      const approval = await call(
        'POST',
        `/api/v1/operations/commands/${request.id}/approve`,
        'otto',
        {},
      );
      expect(approval.status).toBe(200);

      await vi.waitFor(
        async () => expect((await findCommand(station.db, request.id))?.state).toBe('done'),
        {
          timeout: 20_000,
          interval: 100,
        },
      );
      expect(sent.get(request.id)).toBe(1);
      expect(sim.count('executed', request.id)).toBe(1);
      expect(await auditActions(request.id)).toEqual([
        'requested',
        'approved',
        'sent',
        'acknowledged',
        'done',
      ]);
      // The imager reports its new exposure through the REST ingest path at once.
      await vi.waitFor(
        async () => {
          const { rows } = await station.db.query<{ value: number }>(
            `SELECT o.value FROM observations o JOIN datastreams d ON d.id = o.datastream_id
             WHERE d.key = 'zugspitze.airglow.exposure_seconds' ORDER BY o.time DESC LIMIT 1`,
          );
          expect(rows[0]?.value).toBe(7);
        },
        { timeout: 10_000, interval: 100 },
      );

      // A rule's proposal of an automatic command runs without approval once an operator
      // enabled automation for that rule and command.
      await call('PUT', '/api/v1/operations/automations', 'otto', {
        ruleId: 'clouds',
        instrument: 'zugspitze.airglow',
        command: 'standby',
        enabled: true,
      });
      const jobId = `job-${run}-standby`;
      await submitJob(station.db, bus, jobId, {
        queue: 'jobs.ood',
        type: 'instrument-command',
        params: { instrument: 'zugspitze.airglow', command: 'standby', params: {} },
        origin: { ruleId: 'clouds' },
      });
      const proposal = commandIdOfJob(jobId);
      await vi.waitFor(
        async () => expect((await findCommand(station.db, proposal))?.state).toBe('done'),
        {
          timeout: 20_000,
          interval: 100,
        },
      );
      expect(await auditActions(proposal)).toEqual([
        'proposed',
        'approved',
        'sent',
        'acknowledged',
        'done',
      ]);
      expect(sim.count('executed', proposal)).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it('ends a command the instrument never answers as timed out, not done', async () => {
    const sim = await startSim('zugspitze.silent', '--never-answer');
    await approved(`silent-${run}`, 'zugspitze.silent', 'standby', {});
    const drivers = new DriverPool();
    try {
      expect(await executeCommand({ db: station.db, drivers }, `silent-${run}`)).toBe('timed_out');
    } finally {
      await drivers.close();
    }
    const command = await findCommand(station.db, `silent-${run}`);
    expect(command).toMatchObject({
      state: 'timed_out',
      reason: 'no final answer from the instrument within 2 s',
    });
    expect(sim.count('received', `silent-${run}`)).toBe(1);
    expect(await auditActions(`silent-${run}`)).toEqual([
      'requested',
      'approved',
      'sent',
      'timed_out',
    ]);
  });

  it('does not send twice when the worker is killed between sent and the answer', async () => {
    const sim = await startSim('zugspitze.slow', '--answer-delay', '2500');
    const id = `slow-${run}`;
    await approved(id, 'zugspitze.slow', 'set-exposure', { seconds: 45 });
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'bin', 'run-ts.js'),
        path.join(repoRoot, 'tests/integration/operate/execute-command-child.ts'),
        station.databaseUrl!,
        id,
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill -9 once the command is marked sent and the instrument has it, before it answers.
    await vi.waitFor(() => expect(sim.count('received', id)).toBe(1), {
      timeout: 20_000,
      interval: 50,
    });
    expect((await findCommand(station.db, id))?.state).toBe('sent');
    child.kill('SIGKILL');
    await exited;

    // The restarted worker finds it sent: it waits for the answer and never sends again.
    const drivers = new DriverPool();
    try {
      expect(await executeCommand({ db: station.db, drivers }, id)).toBe('done');
    } finally {
      await drivers.close();
    }
    expect(sent.get(id)).toBe(1);
    expect(sim.count('received', id)).toBe(1);
    expect(sim.count('executed', id)).toBe(1);
    expect((await auditActions(id)).filter((a) => a === 'sent')).toHaveLength(1);
  });
});
