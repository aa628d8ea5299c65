import { describe, expect, it } from 'vitest';
import { UploadProgressBoard } from './upload-progress';

describe('upload progress board', () => {
  it('tracks an upload for its sender, ends it, and forgets it a minute later', () => {
    let now = 0;
    const board = new UploadProgressBoard(() => now);
    const tracker = board.begin('a', 'sara', 1000);
    expect(board.read('a', 'sara')).toMatchObject({ read: 0, bytes: 1000, done: false });
    tracker.update({ read: 400, rows: 5000, stored: 4990, duplicates: 10, rejected: 0 });
    expect(board.read('a', 'sara')).toMatchObject({ read: 400, rows: 5000, stored: 4990 });
    expect(() => board.read('a', 'otto')).toThrow(/no upload of yours/);
    tracker.end();
    expect(board.read('a', 'sara').done).toBe(true);
    expect(() => board.begin('a', 'sara', 1)).toThrow(/already tracked/);
    now += 60_001;
    expect(() => board.read('a', 'sara')).toThrow(/no upload of yours/);
    expect(() => board.begin('a', 'sara', 1)).not.toThrow();
  });

  it('tracks at most 1,000 uploads at once', () => {
    const board = new UploadProgressBoard();
    for (let i = 0; i < 1000; i++) board.begin(`u${i}`, 'sara', 1);
    expect(() => board.begin('one-more', 'sara', 1)).toThrow(/too many uploads/);
  });
});
