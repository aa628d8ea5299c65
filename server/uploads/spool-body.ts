import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { badRequest, payloadTooLarge } from '../http/app-error';

/** An uploaded body on disk: read it as often as needed, then `dispose()` it. */
export interface SpooledBody {
  file: string;
  bytes: number;
  /** The first `chars` characters (whole UTF-8 characters only). */
  head(chars: number): Promise<string>;
  text(): AsyncIterable<string>;
  dispose(): Promise<void>;
}

/**
 * Writes the body to a temporary file as it arrives, refusing it with 413 as soon as it
 * passes `maxBytes`. Spooled rather than imported while it streams in: reading at the
 * network's pace keeps the request within the server's request timeout, however long
 * storing the rows then takes, and never holds the file in memory.
 */
export async function spoolBody(body: Readable, maxBytes: number): Promise<SpooledBody> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'firn-upload-'));
  const file = path.join(dir, 'body');
  const dispose = () => fs.promises.rm(dir, { recursive: true, force: true });
  let bytes = 0;
  try {
    const handle = await fs.promises.open(file, 'w');
    try {
      // Not destroyed on an early stop: the error handler reads the rest, so the client
      // gets the answer instead of a reset connection.
      for await (const chunk of body.iterator({ destroyOnReturn: false })) {
        const buffer = chunk as Buffer;
        bytes += buffer.length;
        if (bytes > maxBytes) {
          throw payloadTooLarge(`the upload is larger than ${maxBytes} bytes; split the file`);
        }
        await handle.write(buffer);
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    await dispose();
    if (String((error as NodeJS.ErrnoException).code).startsWith('Z_')) {
      throw badRequest('body is not valid gzip');
    }
    throw error;
  }
  return {
    file,
    bytes,
    async head(chars) {
      const handle = await fs.promises.open(file, 'r');
      try {
        // Four bytes per character at most; the decoder keeps back a cut-off last one.
        const buffer = Buffer.alloc(Math.min(bytes, chars * 4));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        const text = new StringDecoder('utf8').write(buffer.subarray(0, bytesRead));
        const cut = text.slice(0, chars);
        // Nor half of a surrogate pair where the cut falls.
        return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
      } finally {
        await handle.close();
      }
    },
    text: () => fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
    dispose,
  };
}
