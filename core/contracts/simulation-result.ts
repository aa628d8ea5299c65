import { z } from 'zod';

// The result file of a backward-dispersion job (written by workers/simulation/run-model.ts,
// served by GET /api/v1/jobs/:id/result): what the renderer draws the footprint from.
// Coordinates are metres on the station-centred local plane (x east, y north).

/** A coordinate column: null where a particle was not released yet or had left the grid. */
const column = z.array(z.number().nullable());

export const simulationResultSchema = z
  .object({
    grid: z.object({
      nx: z.number().int().positive(),
      ny: z.number().int().positive(),
      cellSizeM: z.number().positive(),
      xMinM: z.number(),
      yMinM: z.number(),
      groundLayerHeightM: z.number().positive(),
    }),
    /** Residence time τ per cell in seconds, row by row from the south-west: index j · nx + i. */
    residenceSeconds: z.array(z.number().nullable()),
    /** Where the local plane's origin is; absent in files written before it was recorded. */
    station: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
    /** The release window, epoch ms. */
    release: z.object({ startMs: z.number(), endMs: z.number() }).optional(),
    paths: z.object({
      /** One entry per output time; null for outputs a cancelled run did not reach. */
      timesMs: column,
      centroid: z.object({ x: column, y: column }),
      /** Sampled particles, each with x/y per output time (same length as timesMs). */
      trajectories: z.array(z.object({ x: column, y: column })).default([]),
    }),
    summary: z.record(z.string(), z.unknown()),
  })
  .refine((r) => r.residenceSeconds.length === r.grid.nx * r.grid.ny, {
    message: 'residenceSeconds does not match the grid size',
    path: ['residenceSeconds'],
  });

export type SimulationResult = z.output<typeof simulationResultSchema>;
export type SimulationResultInput = z.input<typeof simulationResultSchema>;
