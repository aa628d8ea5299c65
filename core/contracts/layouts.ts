import { z } from 'zod';
import { datastreamKeySchema } from '../domain/observation';

/**
 * Live view layouts, saved per user: panels of datastreams on one shared time axis and the
 * range preset they open with. An operator's desk layout and a scientist's campaign layout
 * live side by side under names of their choosing.
 */
export const RANGE_PRESETS = ['1h', '24h', '7d', '30d', '1y', 'all'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Panels stacked on one page: more stop being readable on a 1366×768 desk. */
export const MAX_PANELS = 4;
/** Lines on one panel: more stop being readable (and each costs a live subscription). */
export const MAX_PER_PANEL = 8;

export const liveLayoutSchema = z.object({
  panels: z
    .array(z.object({ keys: z.array(datastreamKeySchema).max(MAX_PER_PANEL) }))
    .min(1)
    .max(MAX_PANELS),
  preset: z.enum(RANGE_PRESETS),
});
export type LiveLayout = z.infer<typeof liveLayoutSchema>;

export const LAYOUT_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,59}$/u;
export const layoutNameSchema = z
  .string()
  .regex(LAYOUT_NAME_PATTERN, 'a layout name is 1–60 letters, digits, spaces and . _ -');

export const savedLayoutSchema = z.object({
  name: layoutNameSchema,
  layout: liveLayoutSchema,
  updatedAtMs: z.number(),
});
export type SavedLayout = z.infer<typeof savedLayoutSchema>;

export const layoutListSchema = z.object({ layouts: z.array(savedLayoutSchema) });

/** A user's own layouts: anyone signed in may keep theirs (viewing changes no data). */
export const layoutRoutes = {
  layouts: {
    method: 'GET',
    path: '/api/v1/users/:name/layouts',
    role: 'viewer',
    response: layoutListSchema,
  },
  saveLayout: {
    method: 'PUT',
    path: '/api/v1/users/:name/layouts/:layout',
    role: 'viewer',
    body: liveLayoutSchema,
    response: savedLayoutSchema,
  },
  deleteLayout: {
    method: 'DELETE',
    path: '/api/v1/users/:name/layouts/:layout',
    role: 'viewer',
  },
} as const;
