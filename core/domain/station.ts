import { z } from 'zod';

export const stationIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'station id: lower-case letters, digits, _ and -')
  .max(64);

export const stationSchema = z.object({
  id: stationIdSchema,
  name: z.string().min(1).max(200),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  altitude: z.number().min(-500).max(9000).nullable(),
});
export type Station = z.infer<typeof stationSchema>;

export const datastreamSchema = z.object({
  key: z.string(),
  station: stationIdSchema,
  instrument: z.string(),
  variable: z.string(),
  unit: z.string(),
  cadenceSeconds: z.number().positive().nullable(),
  description: z.string().nullable(),
});
export type Datastream = z.infer<typeof datastreamSchema>;

/** Splits a valid datastream key into its three parts. */
export function splitDatastreamKey(key: string): {
  station: string;
  instrument: string;
  variable: string;
} {
  const [station = '', instrument = '', variable = ''] = key.split('.');
  return { station, instrument, variable };
}
