import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error';
import { spoolBody } from './spool-body';

describe('spooling an upload to disk', () => {
  let tmp: string;
  let previous: string | undefined;
  beforeEach(() => {
    // A temporary folder of this test's own, so what is left behind can be counted.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spool-test-'));
    previous = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('keeps the bytes as sent, reads whole characters at the head, and removes the file', async () => {
    const text = 'timestamp;t\n1483228800;-2.0\nÖ€😀\n'.repeat(50);
    const body = Readable.from([Buffer.from(text).subarray(0, 7), Buffer.from(text).subarray(7)]);
    const spooled = await spoolBody(body, 1_000_000);
    expect(spooled.bytes).toBe(Buffer.byteLength(text));
    expect(fs.readFileSync(spooled.file, 'utf8')).toBe(text);
    expect(await spooled.head(20)).toBe(text.slice(0, 20));
    // A head that ends inside a four-byte character holds no half of it.
    expect(await spooled.head(text.indexOf('😀') + 1)).toBe(text.slice(0, text.indexOf('😀')));
    let read = '';
    for await (const chunk of spooled.text()) read += chunk;
    expect(read).toBe(text);
    await spooled.dispose();
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('refuses a body over the limit with 413 and leaves nothing behind', async () => {
    const body = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    const refused = await spoolBody(body, 1000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(413);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});
