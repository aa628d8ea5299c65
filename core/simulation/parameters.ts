import { z } from 'zod';

// The parameters of a dispersion run, named after FLEXPART's input files (Stohl et al. 2005,
// Pisso et al. 2019, FLEXPART 10.4): COMMAND (LDIRECT, LOUTSTEP, LSYNCTIME), RELEASES
// (LON1/LON2, LAT1/LAT2, Z1/Z2, PARTS, release start and end) and OUTGRID. A job's `params`
// parse with this schema; the wind comes separately (wind-field.ts), it is data, not a setting.

const HOUR_MS = 3_600_000;

const releaseBoxSchema = z
  .object({
    /** LON1, LON2: degrees east. */
    west: z.number().min(-180).max(180),
    east: z.number().min(-180).max(180),
    /** LAT1, LAT2: degrees north. */
    south: z.number().min(-89).max(89),
    north: z.number().min(-89).max(89),
    /** Z1, Z2: metres above ground. */
    bottom: z.number().min(0),
    top: z.number().min(0),
  })
  .refine((b) => b.west <= b.east, { message: 'west must not exceed east', path: ['east'] })
  .refine((b) => b.south <= b.north, { message: 'south must not exceed north', path: ['north'] })
  .refine((b) => b.bottom <= b.top, { message: 'bottom must not exceed top', path: ['top'] });

const gridSchema = z
  .object({
    /** Side of the square output grid, centred on the station (OUTGRID: NUMXGRID · DXOUT). */
    extentKm: z.number().positive().max(4000).default(400),
    /** Cell size (OUTGRID: DXOUT, DYOUT), here in km on the local plane. */
    resolutionKm: z.number().positive().default(2),
    /**
     * Top of the footprint layer (OUTHEIGHTS' first level). 100 m is FLEXPART's usual
     * choice for footprints: surface emissions are taken to be mixed into this layer.
     */
    groundLayerHeightM: z.number().positive().default(100),
  })
  .refine((g) => g.resolutionKm <= g.extentKm, {
    message: 'resolution exceeds extent',
    path: ['resolutionKm'],
  })
  .refine((g) => (g.extentKm / g.resolutionKm) ** 2 <= 4_000_000, {
    message: 'more than 4 million cells',
    path: ['resolutionKm'],
  });

const turbulenceSchema = z.object({
  /**
   * Horizontal eddy diffusivity K_h, m²/s. 50 m²/s is FLEXPART's d_trop, the horizontal
   * diffusivity it applies in the free troposphere (par_mod.f90); stability.ts derives
   * K from a Pasquill–Gifford class instead.
   */
  horizontalDiffusivity: z.number().min(0).default(50),
  /** Vertical eddy diffusivity K_z, m²/s: κ·u*·z ≈ 0.4 · 0.25 m/s · 100 m in a neutral surface layer. */
  verticalDiffusivity: z.number().min(0).default(10),
  /** Mixing height h, m: particles reflect at the ground and here. */
  boundaryLayerHeightM: z.number().positive().default(1000),
});

export const dispersionParametersSchema = z
  .object({
    /** LDIRECT: backward finds where the air came from (a footprint), forward where it goes. */
    direction: z.enum(['backward', 'forward']).default('backward'),
    /** Length of the run: 1–9 days back is the usual footprint (24–216 h). */
    durationHours: z.number().positive().max(216),
    /** PARTS: particles over the whole release. */
    particleCount: z.number().int().min(1).max(1_000_000).default(10_000),
    /** Origin of the local plane and centre of the output grid. */
    station: z.object({
      latitude: z.number().min(-89).max(89),
      longitude: z.number().min(-180).max(180),
    }),
    releaseBox: releaseBoxSchema,
    /** Release window, epoch ms: particles leave the box evenly spread over it. */
    releaseStart: z.number(),
    releaseEnd: z.number(),
    /** LOUTSTEP: one residence-time grid, trajectory and centroid point per interval. */
    outputIntervalHours: z.number().positive().default(2),
    /** LSYNCTIME: the model's time step. */
    timeStepSeconds: z.number().min(1).max(3600).default(60),
    seed: z.number().int().default(1),
    grid: gridSchema.default({ extentKm: 400, resolutionKm: 2, groundLayerHeightM: 100 }),
    turbulence: turbulenceSchema.default({
      horizontalDiffusivity: 50,
      verticalDiffusivity: 10,
      boundaryLayerHeightM: 1000,
    }),
    /** How many particles' paths to keep, spread evenly over the release. */
    trajectorySampleSize: z.number().int().min(0).max(1000).default(50),
  })
  .refine((p) => p.releaseStart <= p.releaseEnd, {
    message: 'release ends before it starts',
    path: ['releaseEnd'],
  })
  .refine((p) => p.releaseEnd - p.releaseStart <= p.durationHours * HOUR_MS, {
    message: 'the release window is longer than the run',
    path: ['durationHours'],
  })
  .refine((p) => p.timeStepSeconds <= p.outputIntervalHours * 3600, {
    message: 'the time step exceeds the output interval',
    path: ['timeStepSeconds'],
  })
  .refine((p) => p.releaseBox.top <= p.turbulence.boundaryLayerHeightM, {
    message: 'the release box reaches above the boundary layer',
    path: ['releaseBox', 'top'],
  });

export type DispersionParameters = z.output<typeof dispersionParametersSchema>;
export type DispersionParametersInput = z.input<typeof dispersionParametersSchema>;
