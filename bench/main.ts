import { benchBus } from './bus';
import { benchIngest } from './ingest';
import { benchPlot } from './plot';
import { benchRulesCommand } from './rules';
import { benchSimulation } from './simulation';

/** npm run bench -- <name> [args]: each ends with one line of JSON on stdout. */
const benches: Record<string, (args: string[]) => Promise<void>> = {
  ingest: benchIngest,
  bus: benchBus,
  simulation: benchSimulation,
  plot: benchPlot,
  rules: benchRulesCommand,
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? benches[name] : undefined;
if (!bench) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
await bench(args);
