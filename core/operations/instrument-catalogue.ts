import { z } from 'zod';
import {
  instrumentSpecSchema,
  type CommandSpec,
  type InstrumentSpec,
} from '../contracts/operations';

/** The operable instruments file (resources/instruments/catalogue.json). */
export const instrumentCatalogueSchema = z.object({
  instruments: z.array(instrumentSpecSchema),
});
export type InstrumentCatalogue = z.infer<typeof instrumentCatalogueSchema>;

export function commandOf(instrument: InstrumentSpec, name: string): CommandSpec | undefined {
  return instrument.commands.find((c) => c.name === name);
}

/** What the instrument answers on its acknowledgement channel, per command id. */
export const acknowledgementSchema = z.object({
  commandId: z.string().min(1),
  status: z.enum(['accepted', 'rejected', 'done']),
  reason: z.string().optional(),
  at: z.string().optional(),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

/** What a driver sends to an instrument. */
export const instrumentCommandMessageSchema = z.object({
  id: z.string().min(1),
  command: z.string().min(1),
  params: z.record(z.string(), z.unknown()),
});
export type InstrumentCommandMessage = z.infer<typeof instrumentCommandMessageSchema>;
