import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, parseWindowState, placeWindow, type Rect } from './window-state';
import {
  readWindowState,
  rememberWindowState,
  windowStateFile,
  writeWindowState,
} from './window-state-store';

// A laptop (primary, with a top bar) and a 4K wall screen to its right.
const laptop: Rect = { x: 0, y: 25, width: 1366, height: 743 };
const wall: Rect = { x: 1366, y: 0, width: 3840, height: 2160 };
const state = (bounds: Rect, maximized = false) => ({ bounds, maximized, fullScreen: false });

const within = (bounds: Rect, area: Rect) =>
  bounds.x >= area.x &&
  bounds.y >= area.y &&
  bounds.x + bounds.width <= area.x + area.width &&
  bounds.y + bounds.height <= area.y + area.height;

describe('window placement', () => {
  it('opens centred on the primary display at the default size the first time', () => {
    const placed = placeWindow(undefined, [wall, laptop], wall);
    expect(placed.bounds).toEqual({ ...DEFAULT_SIZE, x: 1366 + 1200, y: 630 });
    expect(placed.maximized).toBe(false);
    // On a 1366×768 screen the default is shrunk to the work area.
    expect(placeWindow(undefined, [laptop], laptop).bounds).toEqual(laptop);
  });

  it('reopens where it was when that display is still there', () => {
    const saved = state({ x: 2000, y: 100, width: 1920, height: 1080 }, true);
    expect(placeWindow(saved, [laptop, wall], laptop)).toEqual(saved);
  });

  it('moves to the primary display when its monitor was removed', () => {
    const onWall = state({ x: 2000, y: 100, width: 1920, height: 1080 }, true);
    const placed = placeWindow(onWall, [laptop], laptop);
    expect(within(placed.bounds, laptop)).toBe(true);
    expect(placed.bounds).toEqual(laptop);
    expect(placed.maximized).toBe(true);
    const small = state({ x: 5000, y: 1500, width: 800, height: 600 });
    expect(placeWindow(small, [laptop], laptop).bounds).toEqual({
      x: 283,
      y: 97,
      width: 800,
      height: 600,
    });
  });

  it('pulls a window hanging off the edge (title bar above the screen) back on', () => {
    const hanging = state({ x: -300, y: -200, width: 1000, height: 700 });
    const placed = placeWindow(hanging, [laptop, wall], laptop);
    expect(placed.bounds).toEqual({ x: 0, y: 25, width: 1000, height: 700 });
    // Mostly on the wall screen: it stays there.
    const straddling = state({ x: 1000, y: 1800, width: 1600, height: 800 });
    const moved = placeWindow(straddling, [laptop, wall], laptop).bounds;
    expect(within(moved, wall)).toBe(true);
    expect(moved).toMatchObject({ width: 1600, height: 800 });
  });

  it('keeps a usable size', () => {
    const tiny = state({ x: 10, y: 30, width: 1, height: 1 });
    expect(placeWindow(tiny, [laptop], laptop).bounds).toMatchObject(MIN_SIZE);
    const huge = state({ x: 0, y: 0, width: 9000, height: 9000 });
    expect(placeWindow(huge, [laptop], laptop).bounds).toEqual(laptop);
  });

  it('falls back to the primary display when no display is reported', () => {
    const saved = state({ x: 100, y: 100, width: 800, height: 600 });
    expect(within(placeWindow(saved, [], laptop).bounds, laptop)).toBe(true);
  });
});

describe('window state file', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firn-window-state-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is read back as written, in the user data folder', () => {
    const file = windowStateFile(path.join(tempDir(), 'Firn'));
    const saved = state({ x: 1400, y: 40, width: 1600, height: 900 }, true);
    writeWindowState(file, saved);
    expect(readWindowState(file)).toEqual(saved);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });

  it('is ignored when missing, corrupt or of another shape', () => {
    const dir = tempDir();
    const file = windowStateFile(dir);
    expect(readWindowState(file)).toBeUndefined();
    for (const text of [
      '',
      '{"bounds":{"x":1,',
      'null',
      '[]',
      '{"bounds":{"x":"0","y":0,"width":800,"height":600},"maximized":false}',
      '{"bounds":{"x":0,"y":0,"width":-5,"height":600},"maximized":false}',
      '{"bounds":{"x":0,"y":0,"width":800,"height":600}}',
      '\u0000\u0001garbage',
    ]) {
      fs.writeFileSync(file, text);
      expect(readWindowState(file), text).toBeUndefined();
      expect(parseWindowState(text)).toBeUndefined();
    }
    // And a corrupt file still gives a window on screen.
    expect(placeWindow(readWindowState(file), [laptop], laptop).bounds).toEqual(laptop);
  });

  it('accepts an older file without fullScreen', () => {
    const text = '{"bounds":{"x":0,"y":25,"width":800,"height":600},"maximized":false}';
    expect(parseWindowState(text)?.fullScreen).toBe(false);
  });

  it('saves the normal bounds of the window when it closes', () => {
    const file = windowStateFile(tempDir());
    const window = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 1500, y: 60, width: 1280, height: 800 }),
      isMaximized: () => true,
      isFullScreen: () => false,
    });
    rememberWindowState(window, file);
    expect(fs.existsSync(file)).toBe(false);
    window.emit('close');
    expect(readWindowState(file)).toEqual(
      state({ x: 1500, y: 60, width: 1280, height: 800 }, true),
    );
  });

  it('lets the window close when the state cannot be written', () => {
    const dir = tempDir();
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, 'a file where the folder should be');
    const errors: Error[] = [];
    const window = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 0, y: 0, width: 800, height: 600 }),
      isMaximized: () => false,
      isFullScreen: () => false,
    });
    rememberWindowState(window, windowStateFile(blocked), (error) => errors.push(error));
    expect(() => window.emit('close')).not.toThrow();
    expect(errors).toHaveLength(1);
  });
});
