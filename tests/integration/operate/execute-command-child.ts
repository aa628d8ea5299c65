// The operate worker's sending step as its own process, so a test can kill -9 it between
// `sent` and the instrument's answer: node bin/run-ts.js <this> <database url> <command id>
import { openPostgres } from '../../../infra/db/postgres';
import { executeCommand } from '../../../workers/operate/command-executor';
import { DriverPool } from '../../../workers/operate/drivers/driver-pool';

const [databaseUrl, commandId] = process.argv.slice(2);
if (!databaseUrl || !commandId) throw new Error('usage: <database url> <command id>');
const db = openPostgres(databaseUrl, 2);
const drivers = new DriverPool();
const state = await executeCommand({ db, drivers }, commandId);
process.stdout.write(`${JSON.stringify({ state })}\n`);
await drivers.close();
await db.close();
