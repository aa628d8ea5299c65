import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered of the main window between runs (its normal, unmaximized bounds). */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 };
/** Smaller than this the control room is not usable; a saved 1×1 window is treated as such. */
export const MIN_SIZE = { width: 640, height: 480 };

const int = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({
  bounds: z.object({
    x: int,
    y: int,
    width: z.number().int().min(1).max(100_000),
    height: z.number().int().min(1).max(100_000),
  }),
  maximized: z.boolean(),
  fullScreen: z.boolean().default(false),
});

/** The saved file's text as a state, or undefined when it is not one (corrupt, old, empty). */
export function parseWindowState(text: string): WindowState | undefined {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function fitSize(size: { width: number; height: number }, area: Rect) {
  return {
    width: Math.min(Math.max(size.width, MIN_SIZE.width), area.width),
    height: Math.min(Math.max(size.height, MIN_SIZE.height), area.height),
  };
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const fitted = fitSize(size, area);
  return {
    ...fitted,
    x: area.x + Math.round((area.width - fitted.width) / 2),
    y: area.y + Math.round((area.height - fitted.height) / 2),
  };
}

/** Moved (and shrunk if need be) so that all of it lies inside the area. */
function inside(bounds: Rect, area: Rect): Rect {
  const fitted = fitSize(bounds, area);
  const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
  return {
    ...fitted,
    x: clamp(bounds.x, area.x, area.x + area.width - fitted.width),
    y: clamp(bounds.y, area.y, area.y + area.height - fitted.height),
  };
}

/**
 * Where the window opens: the saved bounds on the display that holds most of them, pulled
 * entirely onto it; centred on the primary display when there is no saved state or its
 * monitor is gone (a laptop undocked from the control-desk screens). Never off screen.
 */
export function placeWindow(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
  primary: Rect,
): WindowState {
  if (!saved)
    return { bounds: centred(DEFAULT_SIZE, primary), maximized: false, fullScreen: false };
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const shared = overlap(saved.bounds, area);
    if (shared > bestOverlap) [best, bestOverlap] = [area, shared];
  }
  const bounds = best ? inside(saved.bounds, best) : centred(saved.bounds, primary);
  return { ...saved, bounds };
}
