// kafkajs must compress with the fast level once the publisher installed it, and still read
// back what it wrote; readers only see GZIP.
import kafkajs, { CompressionTypes } from 'kafkajs';
import zlib from 'node:zlib';
import { expect, test } from 'vitest';
import { GZIP_LEVEL, useFastGzip } from './kafka-gzip';

interface Codec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}

test('kafkajs compresses GZIP batches at the fast level and decompresses them', async () => {
  useFastGzip();
  const codec = kafkajs.CompressionCodecs[CompressionTypes.GZIP]() as Codec;
  const text = Buffer.from(
    Array.from({ length: 2000 }, (_, i) => `{"v":1,"value":${(i * 0.37).toFixed(2)}}`).join(''),
  );
  const compressed = await codec.compress({ buffer: text });
  expect(compressed.equals(zlib.gzipSync(text, { level: GZIP_LEVEL }))).toBe(true);
  expect(compressed.equals(zlib.gzipSync(text))).toBe(false); // not the default level
  expect((await codec.decompress(compressed)).equals(text)).toBe(true);
});
