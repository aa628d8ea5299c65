// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UploadResponse } from '../../../../core/contracts/uploads';
import { useQuarantine } from './quarantineStore';
import type { UploadTransport } from './uploadsApi';
import { setUploadTransport, useUploads } from './uploadsStore';

/** A stand-in for XMLHttpRequest that the test drives: progress, then an answer. */
class FakeTransport implements UploadTransport {
  static last: FakeTransport | null = null;
  url = '';
  headers: Record<string, string> = {};
  body: Blob | null = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: ((event: ProgressEvent) => void) | null = null;
  onerror: ((event: ProgressEvent) => void) | null = null;
  onabort: ((event: ProgressEvent) => void) | null = null;
  constructor() {
    FakeTransport.last = this;
  }
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: Blob) {
    this.body = body;
  }
  abort() {
    this.onabort?.({} as ProgressEvent);
  }
  progress(loaded: number) {
    this.upload.onprogress?.({ loaded } as ProgressEvent);
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.({} as ProgressEvent);
  }
}

const answer: UploadResponse = {
  file: 'bad.csv',
  format: 'csv',
  target: 'datastreams named in the file',
  bytes: 90,
  rows: 2,
  accepted: 1,
  stored: 1,
  duplicates: 0,
  missing: 0,
  rejected: 1,
  firstRejections: [{ row: 1, error: 'value "warm" is not a number' }],
  quarantinedIds: [7],
};

const file = (text: string, name: string) => new File([text], name, { type: 'text/csv' });
const item = () => useUploads.getState().items[0];

describe('uploads store', () => {
  beforeEach(() => {
    setUploadTransport(() => new FakeTransport());
    useUploads.setState({ items: [] });
  });
  afterEach(() => {
    setUploadTransport(undefined);
    vi.restoreAllMocks();
  });

  it('follows a file from upload to result, then reloads the quarantine for its rejected rows', async () => {
    const reload = vi.spyOn(useQuarantine.getState(), 'load').mockResolvedValue();
    const text =
      'datastream,time,value\nsattelberg.aws.air_temperature,2018-01-01T00:00:00Z,warm\n';
    const done = useUploads.getState().add([file(text, 'bad.csv')]);
    await vi.waitFor(() => expect(FakeTransport.last?.body).not.toBeNull());
    const xhr = FakeTransport.last as FakeTransport;
    expect(xhr.url).toMatch(/^\/api\/v1\/uploads\?name=bad\.csv&progress=[0-9a-f-]{36}$/);
    expect(xhr.headers['content-type']).toBe('application/octet-stream');
    expect(item()).toMatchObject({ name: 'bad.csv', phase: 'uploading', sentBytes: 0 });

    xhr.progress(10);
    expect(item()).toMatchObject({ phase: 'uploading', sentBytes: 10 });
    xhr.progress(text.length);
    expect(item()?.phase).toBe('processing');
    xhr.answer(200, answer);
    await done;
    expect(item()).toMatchObject({ phase: 'done', result: answer, error: null });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("while the server stores the file, shows how far it has got, asking by the upload's id", async () => {
    const storing = { read: 60, bytes: 90, rows: 5000, stored: 4990, duplicates: 10, rejected: 0 };
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ ...storing, done: false }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const done = useUploads.getState().add([file('x'.repeat(90), 'big.csv')]);
    await vi.waitFor(() => expect(FakeTransport.last?.url).toContain('big.csv'));
    const xhr = FakeTransport.last as FakeTransport;
    xhr.progress(90);
    await vi.waitFor(() => expect(item()?.storing).toMatchObject(storing), { timeout: 3000 });
    const progressId = new URL(xhr.url, 'http://desk').searchParams.get('progress');
    expect(fetchMock).toHaveBeenCalledWith(
      `/api/v1/uploads/${progressId}/progress`,
      expect.anything(),
    );
    xhr.answer(200, { ...answer, rejected: 0, firstRejections: [], quarantinedIds: [] });
    await done;
    expect(item()?.phase).toBe('done');
    const calls = fetchMock.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(fetchMock).toHaveBeenCalledTimes(calls); // no more polls once answered
    vi.unstubAllGlobals();
  });

  it('shows the server reason when an upload is refused, and goes on with the next file', async () => {
    const done = useUploads.getState().add([file('x', 'notes.txt'), file('y', 'other.txt')]);
    expect(useUploads.getState().items.map((i) => i.phase)).toEqual(['queued', 'queued']);
    await vi.waitFor(() => expect(FakeTransport.last?.url).toContain('notes.txt'));
    FakeTransport.last?.answer(415, {
      error: { code: 'unsupported_media_type', message: 'cannot tell the format of notes.txt' },
    });
    await vi.waitFor(() => expect(FakeTransport.last?.url).toContain('other.txt'));
    FakeTransport.last?.answer(502, 'not json');
    await done;
    const [first, second] = useUploads.getState().items;
    expect(first).toMatchObject({ name: 'notes.txt', phase: 'error' });
    expect(first?.error).toBe('cannot tell the format of notes.txt');
    expect(second).toMatchObject({
      name: 'other.txt',
      phase: 'error',
      error: 'HTTP 502 for the upload',
    });

    useUploads.getState().clearFinished();
    expect(useUploads.getState().items).toEqual([]);
  });

  it('refuses an answer that does not fit the contract', async () => {
    const done = useUploads.getState().add([file('x', 'a.csv')]);
    await vi.waitFor(() => expect(FakeTransport.last?.url).toContain('a.csv'));
    FakeTransport.last?.answer(200, { accepted: 'many' });
    await done;
    expect(item()?.phase).toBe('error');
    expect(item()?.error).toContain('unexpected upload answer');
  });
});
