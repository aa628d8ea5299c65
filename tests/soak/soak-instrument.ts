import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { INSTRUMENT, STATION } from './workload';

/**
 * The soak's operable instrument: a real HTTP instrument on loopback (the operate worker's
 * HTTP driver talks to it as to a field device) that counts every delivery of every command
 * id, so a command sent twice shows however the operate worker was killed. It answers `done`
 * at once; asked about an id it never received (the worker died after recording `sent` and
 * before the POST left), it says so, and the command ends failed instead of being re-sent.
 */
export interface SoakInstrument {
  url: string;
  /** Deliveries per command id. */
  received: ReadonlyMap<string, number>;
  /** The catalogue file the station reads (FIRN_INSTRUMENT_CATALOGUE). */
  catalogueFile: string;
  close(): Promise<void>;
}

export async function startSoakInstrument(workDir: string): Promise<SoakInstrument> {
  const received = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const answer = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && req.url === '/commands') {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => {
        const id = String((JSON.parse(text) as { id?: unknown }).id ?? '');
        received.set(id, (received.get(id) ?? 0) + 1);
        answer(200, { commandId: id, status: 'done' });
      });
      return;
    }
    const asked = /^\/commands\/([^/]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && asked) {
      const id = decodeURIComponent(asked[1]!);
      if (received.has(id)) answer(200, { commandId: id, status: 'done' });
      else answer(404, { commandId: id, status: 'rejected', reason: 'never received' });
      return;
    }
    answer(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const catalogueFile = path.join(workDir, 'instruments.json');
  fs.writeFileSync(catalogueFile, JSON.stringify(catalogue(url)));
  return {
    url,
    received,
    catalogueFile,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** One instrument with one automatic command and no interlock: every proposal may run. */
function catalogue(url: string) {
  return {
    instruments: [
      {
        id: INSTRUMENT,
        station: STATION,
        name: 'Soak valve',
        driver: { kind: 'http', url },
        stateVariables: [],
        modes: [],
        commands: [
          {
            name: 'pulse',
            description: 'Opens the valve for a moment',
            params: {},
            required: [],
            risk: 'automatic',
            interlocks: [],
            timeoutSeconds: 20,
          },
        ],
      },
    ],
  };
}
