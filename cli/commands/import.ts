import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { DatastreamCache } from '../../server/ingest/datastream-cache';
import { importStream, type ImportTotals } from '../../server/import/import-stream';
import { withContext } from '../context';
import { requireValue, UsageError } from '../usage-error';
import { chooseSource } from './import-source';

/**
 * firn import <file>: reads a station file or a CSV/NDJSON file through the ingest path,
 * shows progress on stderr and reports stored, duplicate, missing and rejected counts.
 */
export async function importFile(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      station: { type: 'string' },
      instrument: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = requireValue(positionals[0], 'file to import');
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const size = fs.statSync(file).size;
  const head = readHead(file);
  const { format, source, target } = chooseSource(file, head, values);
  const progress = createProgress(file, size);
  const totals = await withContext(async ({ db }) => {
    const deps = { db, datastreams: new DatastreamCache(db) };
    const chunks = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
    return importStream(deps, chunks, source, `import:${file}`, progress.update);
  });
  progress.done();
  if (values.json) {
    console.log(JSON.stringify({ file, format, target, ...totals }));
    return;
  }
  console.log(
    `${file} (${format} → ${target}): ${totals.stored} stored, ${totals.duplicates} already stored, ` +
      `${totals.missing} missing (NA/-999, not stored), ${totals.rejected} rejected`,
  );
  for (const r of totals.firstRejections) console.log(`  rejected row ${r.row}: ${r.error}`);
  if (totals.rejected > totals.firstRejections.length) {
    console.log(
      `  … ${totals.rejected - totals.firstRejections.length} more rejected rows are in quarantine`,
    );
  }
}

function readHead(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** A progress line on stderr, redrawn at most every 200 ms (plain lines when not a terminal). */
function createProgress(file: string, size: number) {
  let last = 0;
  const line = (t: ImportTotals) =>
    `import ${file}: ${size ? Math.min(100, Math.round((t.bytes / size) * 100)) : 100}% · ${t.stored} stored · ${t.missing} missing · ${t.rejected} rejected`;
  return {
    update(t: ImportTotals) {
      const now = Date.now();
      if (now - last < (process.stderr.isTTY ? 200 : 2000)) return;
      last = now;
      process.stderr.write(process.stderr.isTTY ? `\r${line(t)}\x1b[K` : `${line(t)}\n`);
    },
    done() {
      if (process.stderr.isTTY && last > 0) process.stderr.write('\n');
    },
  };
}
