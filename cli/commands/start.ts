import { parseArgs } from 'node:util';
import { openContext } from '../context';
import { runStation } from '../station';
import { desktopUnavailableReason, launchDesktop } from './desktop';
import { ensureRendererBuilt } from './renderer-build';

/** firn start [--open]: the control room on 127.0.0.1 (FIRN_PORT, default 8787). */
export async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { open: { type: 'boolean', default: false } } });
  if (values.open) {
    const reason = desktopUnavailableReason();
    if (!reason) process.exit(await launchDesktop());
    console.error(`Firn: ${reason}, so the control room opens in browser mode instead.`);
  }
  const staticDir = ensureRendererBuilt((message) => console.error(message));
  const context = await openContext();
  const { config, logger, db } = context;
  const station = await runStation(context, staticDir);
  const { server } = station;
  logger.info(
    { url: server.url, database: db.kind, bus: station.bus.kind, dataDir: config.dataDir },
    'control room started',
  );
  console.log(`Firn control room: ${server.url}/`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await station.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
