import { z } from 'zod';

/**
 * Portal upload and quarantine review: the wire contract. An upload is a file's raw bytes
 * as the request body, read through the same import path as `firn import`; rows that fail
 * the checks are kept in quarantine, where a scientist fixes (re-ingests) or discards them.
 */
export const UPLOAD_FORMATS = ['sattelberg', 'dwd-daily', 'csv', 'ndjson'] as const;
export type UploadFormat = (typeof UPLOAD_FORMATS)[number];

const idPart = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, _ and -, at most 64');

export const uploadQuerySchema = z.object({
  /** The file's name: station files tell their station by it (`sattelberg_10min_2017.csv`). */
  name: z.string().trim().min(1).max(255).optional(),
  format: z.enum(UPLOAD_FORMATS).optional(),
  station: idPart.optional(),
  instrument: idPart.optional(),
  /** An id the client chooses, under which the upload's progress can be read while it is stored. */
  progress: z.uuid().optional(),
});

export const uploadResponseSchema = z.object({
  file: z.string(),
  format: z.enum(UPLOAD_FORMATS),
  /** Where the rows went: `station.instrument`, or the datastreams the file names. */
  target: z.string(),
  bytes: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  /** Rows stored now plus rows that were already stored (`duplicates`). */
  accepted: z.number().int().nonnegative(),
  stored: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  /** Missing marks (NA, -999, blank) of station files: read, never stored as numbers. */
  missing: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  firstRejections: z.array(z.object({ row: z.number().int(), error: z.string() })),
  /** Quarantine ids of the rejected rows (the first 1,000). */
  quarantinedIds: z.array(z.number().int()),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

/** How far the server has got storing an upload (GET …/uploads/:id/progress). */
export const uploadProgressSchema = z.object({
  /** Characters of the file read so far, of its `bytes` (the same for ASCII files). */
  read: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  stored: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** Every row checked; the answer to the upload itself follows. */
  done: z.boolean(),
});
export type UploadProgress = z.infer<typeof uploadProgressSchema>;

export const quarantineRowSchema = z.object({
  id: z.number().int(),
  batchId: z.number().int().nullable(),
  rowIndex: z.number().int(),
  error: z.string(),
  raw: z.string(),
  /** Where the batch came from: `upload:…`, `import:<file>`, `http:token:<id>`. */
  source: z.string().nullable(),
  receivedAtMs: z.number(),
  resolvedAtMs: z.number().nullable(),
  resolution: z.string().nullable(),
});
export type QuarantineRow = z.infer<typeof quarantineRowSchema>;

export const quarantineQuerySchema = z.object({
  /** Only rows whose error contains this text (case-insensitive). */
  error: z.string().max(200).optional(),
  /** Paging, newest first: rows with an id below this one. */
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const quarantineListSchema = z.object({
  rows: z.array(quarantineRowSchema),
  /** Open rows matching the filter, over all pages. */
  total: z.number().int().nonnegative(),
  /** `before` of the next page; null on the last one. */
  nextBefore: z.number().int().nullable(),
});
export type QuarantineList = z.infer<typeof quarantineListSchema>;

/** A fix: the row's text edited into one observation, `{"datastream","time","value"[,"quality"]}`. */
export const quarantineFixSchema = z.object({
  raw: z
    .string()
    .min(1)
    .max(64 * 1024),
});

export const quarantineFixResponseSchema = z.object({
  row: quarantineRowSchema,
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
});

/** Routes of upload and quarantine, spread into the route table in ./http. */
export const uploadRoutes = {
  upload: {
    method: 'POST',
    path: '/api/v1/uploads',
    role: 'scientist',
    query: uploadQuerySchema,
    response: uploadResponseSchema,
  },
  uploadProgress: {
    method: 'GET',
    path: '/api/v1/uploads/:id/progress',
    role: 'scientist',
    response: uploadProgressSchema,
  },
  quarantine: {
    method: 'GET',
    path: '/api/v1/quarantine',
    role: 'viewer',
    query: quarantineQuerySchema,
    response: quarantineListSchema,
  },
  fixQuarantined: {
    method: 'POST',
    path: '/api/v1/quarantine/:id/fix',
    role: 'scientist',
    body: quarantineFixSchema,
    response: quarantineFixResponseSchema,
  },
  discardQuarantined: {
    method: 'POST',
    path: '/api/v1/quarantine/:id/discard',
    role: 'scientist',
    response: quarantineRowSchema,
  },
} as const;
