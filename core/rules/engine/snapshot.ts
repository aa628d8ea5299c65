import { z } from 'zod';

// A checkpoint of a running rule, plain JSON. The analyzer stores it with the consumer
// offsets it covers; restoring it and replaying from those offsets gives the same alerts
// and jobs as an uninterrupted run. It is checked on the way in: it comes from storage.

const columns = z.object({ t: z.array(z.number()), v: z.array(z.number()) });
const time = z.number().nullable();

export const engineSnapshotSchema = z
  .object({
    v: z.literal(1),
    ruleId: z.string(),
    /** ruleFingerprint of the rule version that made it. */
    fingerprint: z.string(),
    clockMs: time,
    startMs: time,
    startArrivalMs: time,
    lastEvaluatedMs: time,
    /**
     * Instants before this only fill windows (a rule started afresh on old data); null: all
     * are evaluated. Kept so a restart resumes the same decision instead of making a new one.
     */
    evaluateFromMs: time.optional(),
    inputs: z.array(
      z.object({ receivedMs: time, lastArrivalMs: time, queue: columns, series: columns }),
    ),
    instants: z.object({
      t: z.array(z.number()),
      arrival: z.array(z.number()),
      /** Data instants in the order they were first seen, with that processing time. */
      seenT: z.array(z.number()),
      seenAt: z.array(z.number()),
      /** Timer instants (deadlines), with the processing time their data was due. */
      timerT: z.array(z.number()),
      timerAt: z.array(z.number()),
      /** Everything up to this time has been let go of, lagging inputs or not. */
      forcedUpTo: time,
    }),
    alert: z.object({
      status: z.enum(['idle', 'pending', 'firing']),
      startMs: time,
      firingMs: time,
      resolvedMs: time,
      transitions: z.array(z.number()),
      flapping: z.boolean(),
    }),
    /** Per missing-data watch, the deadline already added as an instant. */
    missingRegistered: z.array(time),
    counters: z.object({
      observations: z.number(),
      evaluated: z.number(),
      late: z.number(),
      duplicates: z.number(),
    }),
  })
  .refine(
    (s) => s.inputs.every((i) => i.queue.t.length === i.queue.v.length),
    'queue columns differ in length',
  );

export type EngineSnapshot = z.infer<typeof engineSnapshotSchema>;
export type EngineCounters = EngineSnapshot['counters'];
