import { ConfigError } from '../infra/config';
import { datastreamAdd, stationAdd } from './commands/catalog';
import { importFile } from './commands/import';
import { start } from './commands/start';
import { tokenCreate } from './commands/token';
import { userAdd, userList } from './commands/user';
import { worker } from './commands/worker';
import { UsageError } from './usage-error';

const USAGE = `usage: firn <command>

  start [--open]                         the control room on 127.0.0.1:$FIRN_PORT (8787)
  station add <id> [--name --lat --lon --alt]
  datastream add <station.instrument.variable> --unit <unit> [--cadence <seconds>] [--description <text>]
  token create --station <id> [--label <text>]   prints a new ingest token alone on stdout
  user add <name> --role viewer|scientist|operator|admin   password from stdin, or generated and printed
  user list                              users, their roles, and who is disabled
  import <file> [--format sattelberg|dwd-daily|csv|ndjson] [--station <id>] [--instrument <id>] [--json]
  worker <name>                          one worker as its own process (relay, analyzer, notify, simulation, scheduler)

Environment: FIRN_DATA_DIR, DATABASE_URL, KAFKA_BROKERS, FIRN_TOPIC_PREFIX, FIRN_PORT, FIRN_HOST,
             FIRN_LOG_LEVEL, FIRN_SMTP_URL, FIRN_SMTP_FROM, FIRN_AUTH (local|required), FIRN_SESSION_HOURS`;

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  start,
  'station add': stationAdd,
  'datastream add': datastreamAdd,
  'token create': tokenCreate,
  'user add': userAdd,
  'user list': userList,
  import: importFile,
  worker,
};

async function main(argv: string[]): Promise<void> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' || argv[0] === '-h') {
    console.log(USAGE);
    return;
  }
  const twoWords = `${argv[0]} ${argv[1] ?? ''}`;
  const [name, rest] = commands[twoWords]
    ? [twoWords, argv.slice(2)]
    : [argv[0] as string, argv.slice(1)];
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${argv.join(' ')}"`);
  await command(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    ((error as Error).name === 'TypeError' &&
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
  ) {
    console.error(`firn: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    console.error(`firn: ${error.message}`);
    process.exit(2);
  }
  console.error(`firn: ${(error as Error).message ?? String(error)}`);
  if (process.env.FIRN_LOG_LEVEL === 'debug') console.error(error);
  process.exit(1);
});
