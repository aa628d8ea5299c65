import net from 'node:net';
import fc from 'fast-check';
import { routes } from '../../core/contracts/http';
import { deepJson } from './hostile-bodies';
import { firstFrame, maskedTextFrame } from './websocket-frames';

// WebSocket upgrades of /api/v1/live over a raw socket: odd request targets (the upgrade
// handler runs outside Express), foreign and malformed origins, bad handshakes, and once
// upgraded, hostile subscribe messages. Each attempt must get an answer and the server live.

export interface UpgradeAttempt {
  target: string;
  host: string | undefined;
  origin: string | undefined;
  key: string | undefined;
  version: string;
  /** Sent as a text frame once upgraded. */
  message: string | undefined;
}

export interface UpgradeOutcome {
  /** 0 when nothing came back before the socket closed or the time ran out. */
  status: number;
  /** The first frame the server sent after the message, as text. */
  reply: string | undefined;
}

const UPGRADE_TIMEOUT_MS = 10_000;
const GOOD_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const FOREIGN_ORIGIN = 'http://evil.example';

const rawTarget = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 40,
});

export function upgradeAttempts(port: number): fc.Arbitrary<UpgradeAttempt> {
  const live = routes.live.path;
  const sameHost = `127.0.0.1:${port}`;
  const message = fc.oneof(
    fc.constantFrom(
      '{"type":"subscribe","datastreams":["sattelberg.aws.air_temperature"]}',
      '{"type":"unsubscribe","datastreams":["\\u0000","\\ud800"]}',
      `{"type":"subscribe","datastreams":${JSON.stringify(Array.from({ length: 201 }, String))}}`,
      '{"type":"subscribe","datastreams":"x"}',
      '{"type":"__proto__","datastreams":[]}',
      'null',
      deepJson(10_000, 'array'),
    ),
    fc.string({ maxLength: 100 }),
  );
  return fc.record({
    target: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom(live, `${live}?x=1`, `${live}/`, live.toUpperCase()),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          '//[',
          'http://[',
          '//',
          '*',
          'http://evil.example/api/v1/live',
          `${live}%00`,
          `${live}?%zz`,
          `/x/..${live}`,
        ),
      },
      { weight: 1, arbitrary: rawTarget },
    ),
    host: fc.constantFrom(sameHost, sameHost, 'evil.example', '', '[', undefined),
    origin: fc.constantFrom(
      undefined,
      undefined,
      `http://${sameHost}`,
      FOREIGN_ORIGIN,
      'null',
      '::::',
      'http://[',
      'file://',
    ),
    key: fc.constantFrom(GOOD_KEY, GOOD_KEY, undefined, 'short', '%%%%%%%%%%%%%%%%%%%%%%=='),
    version: fc.constantFrom('13', '13', '8', '', 'abc'),
    message: fc.option(message, { nil: undefined }),
  });
}

function requestHead(attempt: UpgradeAttempt): string {
  const lines = [`GET ${attempt.target} HTTP/1.1`, 'Connection: Upgrade', 'Upgrade: websocket'];
  if (attempt.host !== undefined) lines.push(`Host: ${attempt.host}`);
  if (attempt.origin !== undefined) lines.push(`Origin: ${attempt.origin}`);
  if (attempt.key !== undefined) lines.push(`Sec-WebSocket-Key: ${attempt.key}`);
  lines.push(`Sec-WebSocket-Version: ${attempt.version}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export function attemptUpgrade(port: number, attempt: UpgradeAttempt): Promise<UpgradeOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let status = 0;
    let messageSent = false;
    const finish = (reply?: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, reply });
    };
    const timer = setTimeout(() => finish(), UPGRADE_TIMEOUT_MS);
    socket.on('connect', () => socket.write(requestHead(attempt), 'latin1'));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const headEnd = received.indexOf('\r\n\r\n');
      if (headEnd === -1) return;
      status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(received.toString('latin1'))?.[1] ?? -1);
      if (status !== 101 || attempt.message === undefined) return finish();
      if (!messageSent) socket.write(maskedTextFrame(attempt.message));
      messageSent = true;
      const reply = firstFrame(received.subarray(headEnd + 4));
      if (reply !== undefined) finish(reply);
    });
    socket.on('error', () => finish());
    socket.on('close', () => finish());
  });
}

export function upgradeProblems(attempt: UpgradeAttempt, outcome: UpgradeOutcome): string[] {
  const problems: string[] = [];
  if (outcome.status <= 0) problems.push('no answer to the upgrade');
  if (outcome.status >= 500) problems.push(`server error ${outcome.status}`);
  // Origin and Host both evil.example is what the server's same-origin check lets in.
  const foreign = attempt.origin === FOREIGN_ORIGIN && attempt.host !== 'evil.example';
  if (foreign && outcome.status === 101) problems.push('a foreign origin was let in');
  if (outcome.status === 101 && attempt.message !== undefined) {
    const type = (() => {
      try {
        return (JSON.parse(outcome.reply ?? '') as { type?: unknown }).type;
      } catch {
        return outcome.reply;
      }
    })();
    if (type !== 'error' && type !== 'subscribed')
      problems.push(`live reply ${JSON.stringify(outcome.reply?.slice(0, 200))}`);
  }
  if (problems.length > 0) problems.push(`upgrade ${JSON.stringify(requestHead(attempt))}`);
  return problems;
}
