// A simulated airglow imager that behaves like the real one on the wire. Run it with
//   node bin/run-ts.js resources/instruments/airglow-imager-sim.ts --token <ingest token> \
//     [--ingest http://127.0.0.1:8787] [--mqtt mqtt://127.0.0.1:1883] [--topic-prefix firn/<id>]
// It takes commands as JSON on `<prefix>/commands` over MQTT, answers each on
// `<prefix>/acks/<command id>` (retained: accepted, then done, or rejected with a reason),
// executes a command id once however often it arrives, and reports its state and a sky
// brightness with a plausible night/day cycle as observations through the REST ingest
// path, at its exposure interval. Flags: --never-answer (for timeouts), --reject (faults),
// --answer-delay <ms> (a slow instrument), --memory <file> (executed ids survive a restart).
// Stdout carries one JSON line per event (ready, received, executed, posted) for tests.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { solarElevationDeg } from '../../core/operations/solar-elevation';
import {
  applyCommand,
  initialState,
  observationsOf,
  type ImagerState,
} from './airglow-imager-model';

const { values: args } = parseArgs({
  options: {
    mqtt: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
    instrument: { type: 'string', default: 'zugspitze.airglow' },
    'topic-prefix': { type: 'string' },
    /** The control room's base URL, whose REST ingest path takes the observations. */
    ingest: { type: 'string', default: process.env.FIRN_URL ?? 'http://127.0.0.1:8787' },
    /** A file that gets one line per command delivery received (duplicates kept). */
    'command-log': { type: 'string' },
    token: { type: 'string', default: process.env.FIRN_INGEST_TOKEN },
    exposure: { type: 'string', default: '60' },
    mode: { type: 'string', default: 'night-series' },
    latitude: { type: 'string', default: '47.421' },
    longitude: { type: 'string', default: '10.9848' },
    memory: { type: 'string' },
    'never-answer': { type: 'boolean', default: false },
    reject: { type: 'boolean', default: false },
    /** Milliseconds between receiving a command and answering it (a slow instrument). */
    'answer-delay': { type: 'string', default: '0' },
  },
});
if (!args.token) throw new Error('--token <ingest token> (or FIRN_INGEST_TOKEN) is required');
const prefix = args['topic-prefix'] ?? `firn/${args.instrument}`;
const position = { latitude: Number(args.latitude), longitude: Number(args.longitude) };
const say = (event: string, detail: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ event, at: new Date().toISOString(), ...detail })}\n`);

let state: ImagerState = initialState(args.mode, Number(args.exposure));
/** Final answers by command id: a repeated id gets the same answer and is not executed again. */
const answered = new Map<string, Record<string, unknown>>(loadMemory());

const client = mqtt.connect(args.mqtt, { reconnectPeriod: 1_000 });
client.on('error', (error) => console.error(`mqtt: ${error.message}`));
client.on('connect', () => {
  void client.subscribeAsync(`${prefix}/commands`, { qos: 1 }).then(() => say('ready', { prefix }));
});
client.on('message', (_topic, payload) => void onCommand(payload.toString('utf8')));

async function onCommand(text: string): Promise<void> {
  let message: { id?: unknown; command?: unknown; params?: unknown };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    return console.error(`not JSON on ${prefix}/commands: ${text.slice(0, 200)}`);
  }
  if (typeof message.id !== 'string' || typeof message.command !== 'string') return;
  const id = message.id;
  say('received', { id, command: message.command });
  if (args['command-log']) fs.appendFileSync(args['command-log'], `${id}\n`);
  if (args['never-answer']) return;
  await new Promise((resolve) => setTimeout(resolve, Number(args['answer-delay'])));
  const earlier = answered.get(id);
  if (earlier) return void (await ack(id, earlier));
  if (args.reject)
    return void (await finish(id, {
      status: 'rejected',
      reason: 'simulated fault: shutter jammed',
    }));
  await ack(id, { status: 'accepted' });
  const result = applyCommand(
    state,
    message.command,
    (message.params ?? {}) as Record<string, unknown>,
  );
  if (!result.ok) return void (await finish(id, { status: 'rejected', reason: result.reason }));
  state = result.state;
  say('executed', {
    id,
    command: message.command,
    mode: state.mode,
    exposureSeconds: state.exposureSeconds,
  });
  await report(); // the change shows in the data at once, not only at the next exposure
  reschedule();
  await finish(id, { status: 'done' });
}

async function finish(id: string, answer: Record<string, unknown>): Promise<void> {
  answered.set(id, answer);
  if (args.memory) fs.appendFileSync(args.memory, `${JSON.stringify({ id, answer })}\n`);
  await ack(id, answer);
}

async function ack(id: string, answer: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify({ commandId: id, ...answer, at: new Date().toISOString() });
  await client.publishAsync(`${prefix}/acks/${id}`, body, { qos: 1, retain: true });
}

function loadMemory(): [string, Record<string, unknown>][] {
  if (!args.memory || !fs.existsSync(args.memory)) return [];
  return fs
    .readFileSync(args.memory, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; answer: Record<string, unknown> })
    .map(({ id, answer }) => [id, answer]);
}

async function report(): Promise<void> {
  const now = Date.now();
  const elevation = solarElevationDeg(position.latitude, position.longitude, now);
  const observations = observationsOf(args.instrument, state, now, elevation);
  try {
    const response = await fetch(`${args.ingest}/api/v1/observations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${args.token}` },
      body: JSON.stringify({ observations }),
    });
    const answer = (await response.json()) as { accepted?: number; rejected?: unknown[] };
    say('posted', {
      status: response.status,
      accepted: answer.accepted,
      rejected: answer.rejected,
    });
  } catch (error) {
    console.error(`ingest: ${(error as Error).message}`); // the next exposure tries again
  }
}

let timer: NodeJS.Timeout | undefined;
function reschedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void report().then(reschedule), state.exposureSeconds * 1000);
}

void report().then(reschedule);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    clearTimeout(timer);
    void client.endAsync().finally(() => process.exit(0));
  });
}
