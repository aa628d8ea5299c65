import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../infra/db/migrate';
import { openPostgres } from '../../infra/db/postgres';
import {
  upsertDatastream,
  upsertInstrument,
  upsertStation,
} from '../../server/catalog/catalog-repository';
import { createIngestToken } from '../../server/tokens/token-service';
import { startOwnBroker, type OwnBroker } from '../support/kafka';
import { freePortPair } from '../support/ports';
import { startTestSmtp, type TestSmtp } from '../support/smtp';
import { startOwnPostgres, type OwnPostgres } from './own-postgres';
import { startSoakInstrument, type SoakInstrument } from './soak-instrument';
import { DATASTREAMS_PER_CLIENT, STATION } from './workload';

/** Everything a soak runs on: its own PostgreSQL server, Kafka broker, SMTP server and instrument. */
export interface SoakEnvironment {
  postgres: OwnPostgres;
  broker: OwnBroker;
  smtp: TestSmtp;
  instrument: SoakInstrument;
  databaseUrl: string;
  url: string;
  token: string;
  /** The environment of every station process. */
  env: NodeJS.ProcessEnv;
  workDir: string;
  dispose(): Promise<void>;
}

export async function prepareEnvironment(clients: number): Promise<SoakEnvironment> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-soak-'));
  const [postgres, broker, smtp, instrument] = await Promise.all([
    startOwnPostgres(),
    startOwnBroker(),
    startTestSmtp(),
    startSoakInstrument(workDir),
  ]);
  const databaseUrl = postgres.url;
  const token = await seedCatalog(databaseUrl, clients);
  const port = await freePortPair();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: broker.brokers,
    FIRN_TOPIC_PREFIX: 'soak.',
    FIRN_PORT: String(port),
    FIRN_IN_PROCESS_WORKERS: 'none',
    FIRN_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    FIRN_DATA_DIR: path.join(workDir, 'data'),
    FIRN_LOG_LEVEL: 'warn',
    FIRN_INGEST_REQUESTS_PER_SECOND: '0',
    FIRN_INSTRUMENT_CATALOGUE: instrument.catalogueFile,
  };
  return {
    postgres,
    broker,
    smtp,
    instrument,
    databaseUrl,
    url: `http://127.0.0.1:${port}`,
    token,
    env,
    workDir,
    async dispose() {
      await smtp.close();
      await instrument.close();
      await broker.dispose();
      postgres.dispose();
    },
  };
}

/** The soak station and its datastreams (irregular: no cadence to miss), and an ingest token. */
async function seedCatalog(databaseUrl: string, clients: number): Promise<string> {
  const db = openPostgres(databaseUrl);
  try {
    await migrate(db);
    await upsertStation(db, {
      id: STATION,
      name: 'Soak test station',
      latitude: null,
      longitude: null,
      altitude: null,
    });
    for (let c = 0; c < clients; c += 1) {
      await upsertInstrument(db, STATION, `c${c}`, `Soak client ${c}`);
      for (let d = 0; d < DATASTREAMS_PER_CLIENT; d += 1) {
        await upsertDatastream(db, {
          station: STATION,
          instrument: `c${c}`,
          variable: `s${String(d).padStart(2, '0')}`,
          unit: '1',
          cadenceSeconds: null,
          description: 'soak load',
        });
      }
    }
    return await createIngestToken(db, STATION, 'soak');
  } finally {
    await db.close();
  }
}
