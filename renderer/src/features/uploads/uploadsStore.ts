import { create } from 'zustand';
import type { UploadProgress, UploadResponse } from '../../../../core/contracts/uploads';
import { errorMessage } from '../../api/client';
import { useQuarantine } from './quarantineStore';
import { fetchUploadProgress, uploadFile, type TransportFactory } from './uploadsApi';

/** One file dropped or chosen: sent, then read by the server, then its result or error. */
export interface UploadItem {
  key: string;
  name: string;
  size: number;
  sentBytes: number;
  /** `processing`: every byte sent; the server checks and stores the rows, then answers. */
  phase: 'queued' | 'uploading' | 'processing' | 'done' | 'error';
  /** While `processing`: how far the server has got reading and storing the rows. */
  storing: UploadProgress | null;
  result: UploadResponse | null;
  error: string | null;
}

/** How often the server is asked how far storing has got. */
export const PROGRESS_POLL_MS = 500;

export interface UploadsState {
  items: UploadItem[];
  /** Files go one after another: each import is a stream of batches already. */
  add(files: readonly File[]): Promise<void>;
  clearFinished(): void;
}

let nextKey = 1;
let transport: TransportFactory | undefined;
/** For tests: stand in for XMLHttpRequest. */
export function setUploadTransport(factory: TransportFactory | undefined): void {
  transport = factory;
}

let queue: Promise<void> = Promise.resolve();

export const useUploads = create<UploadsState>()((set, get) => {
  const update = (key: string, change: Partial<UploadItem>) =>
    set({ items: get().items.map((item) => (item.key === key ? { ...item, ...change } : item)) });

  async function send(file: File, key: string): Promise<void> {
    update(key, { phase: 'uploading' });
    const upload = uploadFile(
      file,
      (sentBytes) =>
        update(key, { sentBytes, phase: sentBytes >= file.size ? 'processing' : 'uploading' }),
      transport,
    );
    const polling = setInterval(() => {
      if (get().items.find((i) => i.key === key)?.phase !== 'processing') return;
      fetchUploadProgress(upload.progressId)
        .then((storing) => {
          const now = get().items.find((i) => i.key === key);
          if (now?.phase === 'processing') update(key, { storing });
        })
        .catch(() => undefined); // not begun yet (404) or a lost poll: the next one tells
    }, PROGRESS_POLL_MS);
    try {
      const result = await upload.done;
      update(key, { phase: 'done', result, sentBytes: file.size });
      // New rejected rows are in quarantine now.
      if (result.rejected > 0) await useQuarantine.getState().load();
    } catch (error) {
      update(key, { phase: 'error', error: errorMessage(error) });
    } finally {
      clearInterval(polling);
    }
  }

  return {
    items: [],
    add(files) {
      const added = files.map((file) => ({ file, key: `upload-${nextKey++}` }));
      set({
        items: [
          ...added.map(({ file, key }) => ({
            key,
            name: file.name,
            size: file.size,
            sentBytes: 0,
            phase: 'queued' as const,
            storing: null,
            result: null,
            error: null,
          })),
          ...get().items,
        ],
      });
      for (const { file, key } of added) queue = queue.then(() => send(file, key));
      return queue;
    },
    clearFinished() {
      set({ items: get().items.filter((i) => i.phase !== 'done' && i.phase !== 'error') });
    },
  };
});
