import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { observationMessageSchema } from '../../core/contracts/topics';
import { firn, startStationProcess, type StationProcess } from '../support/station-process';

/** What kcat (Debian's Kafka command-line client) prints of a topic: `key<TAB>value` lines. */
function kcatRead(brokers: string, topic: string): string[] {
  const result = spawnSync(
    'kcat',
    ['-b', brokers, '-t', topic, '-C', '-o', 'beginning', '-e', '-q', '-f', '%k\t%s\n'],
    {
      encoding: 'utf8',
      timeout: 20_000,
    },
  );
  if (result.error) throw result.error;
  return result.stdout.split('\n').filter(Boolean);
}

describe('a running `firn start` with KAFKA_BROKERS, read by kcat', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-kcat-'));
  const prefix = `kcat-${Date.now()}.`;
  let station: StationProcess | undefined;
  afterAll(async () => {
    await station?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the observations in the documented format', async () => {
    const env = {
      FIRN_DATA_DIR: dataDir,
      KAFKA_BROKERS: inject('kafkaBrokers'),
      FIRN_TOPIC_PREFIX: prefix,
    };
    const token = firn(['token', 'create', '--station', 'ellboegen'], env);
    station = await startStationProcess(env);
    const rows = [
      {
        datastream: 'ellboegen.aws.air_temperature',
        time: '2017-03-04T12:00:00Z',
        value: 14.2,
        quality: 'ok',
      },
      {
        datastream: 'ellboegen.aws.air_temperature',
        time: '2017-03-04T12:10:00+01:00',
        value: 14.9,
      },
      { datastream: 'ellboegen.aws.relative_humidity', time: '2017-03-04T12:00:00Z', value: 31 },
    ];
    const res = await fetch(`${station.url}/api/v1/observations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ observations: rows }),
    });
    expect(await res.json()).toMatchObject({ accepted: 3 });

    let lines: string[] = [];
    await expect
      .poll(() => (lines = kcatRead(inject('kafkaBrokers'), `${prefix}observations`)).length, {
        timeout: 30_000,
      })
      .toBe(3);
    const printed = lines.map((line) => {
      const [key, value] = line.split('\t') as [string, string];
      return { key, message: observationMessageSchema.parse(JSON.parse(value)) };
    });
    for (const { key, message } of printed) expect(key).toBe(message.datastream);
    const byTime = printed
      .map((p) => p.message)
      .sort((a, b) => a.datastream.localeCompare(b.datastream) || a.timeMs - b.timeMs);
    expect(byTime).toEqual([
      expect.objectContaining({
        v: 1,
        datastream: 'ellboegen.aws.air_temperature',
        time: '2017-03-04T11:10:00.000Z',
        timeMs: Date.UTC(2017, 2, 4, 11, 10),
        value: 14.9,
        quality: null,
      }),
      expect.objectContaining({
        v: 1,
        datastream: 'ellboegen.aws.air_temperature',
        time: '2017-03-04T12:00:00.000Z',
        value: 14.2,
        quality: 'ok',
      }),
      expect.objectContaining({ v: 1, datastream: 'ellboegen.aws.relative_humidity', value: 31 }),
    ]);
  });
});
