import type { UploadProgress } from '../../core/contracts/uploads';
import { AppError } from '../http/app-error';

/** How long a finished upload's progress can still be read (the last poll comes after the answer). */
const KEEP_AFTER_END_MS = 60_000;
/** Uploads tracked at once at most: a client cannot fill the memory with ids. */
const MAX_TRACKED = 1_000;

interface Entry {
  actor: string;
  progress: UploadProgress;
  endedAtMs: number | null;
}

/**
 * The progress of uploads being stored, by the id their client chose, so the portal can
 * show rows stored while a large file is read (the answer comes only at the end). In memory:
 * the upload runs in this process, and nothing of it needs to outlive the request.
 */
export class UploadProgressBoard {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts tracking; the returned functions update and end it. */
  begin(id: string, actor: string, bytes: number) {
    this.sweep();
    if (this.entries.has(id)) {
      throw new AppError(409, 'conflict', `an upload with progress id ${id} is already tracked`);
    }
    if (this.entries.size >= MAX_TRACKED) {
      throw new AppError(503, 'busy', 'too many uploads at once; try again shortly');
    }
    const entry: Entry = {
      actor,
      progress: { read: 0, bytes, rows: 0, stored: 0, duplicates: 0, rejected: 0, done: false },
      endedAtMs: null,
    };
    this.entries.set(id, entry);
    return {
      update: (totals: Omit<UploadProgress, 'bytes' | 'done'>) => {
        entry.progress = { ...entry.progress, ...totals };
      },
      end: () => {
        entry.progress = { ...entry.progress, done: true };
        entry.endedAtMs = this.now();
      },
    };
  }

  /** The progress of the caller's own upload; 404 for an unknown id or another user's. */
  read(id: string, actor: string): UploadProgress {
    this.sweep();
    const entry = this.entries.get(id);
    if (!entry || entry.actor !== actor) {
      throw new AppError(404, 'not_found', `no upload of yours is tracked as ${id.slice(0, 64)}`);
    }
    return entry.progress;
  }

  private sweep(): void {
    const cutoff = this.now() - KEEP_AFTER_END_MS;
    for (const [id, entry] of this.entries) {
      if (entry.endedAtMs !== null && entry.endedAtMs < cutoff) this.entries.delete(id);
    }
  }
}
