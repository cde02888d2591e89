import type { z } from "zod";
import { defineEntity } from "./entity.js";

/**
 * Declares a log: an entity whose items all stand in one partition, sorted by a key made from the
 * item (its time first), and are read a page at a time with `pageInPartition(ctx, undefined, ...)`.
 * For what people do by hand and the owner reads (contact views, exports): far below one
 * partition's write limit, and a period is one range query.
 * @example const ExportLog = defineLog({ type: "leadExport", partition: "LEADEXPORTS", schema, sortKey: (e) => `${e.at}#${e.id}` })
 */
export function defineLog<S extends z.ZodType<Record<string, unknown>>>(definition: { type: string; partition: string; schema: S; sortKey: (item: z.infer<S>) => string }) {
  const { type, partition, schema, sortKey } = definition;
  return defineEntity({ type, schema, key: (item: z.infer<S>) => ({ pk: partition, sk: sortKey(item) }), partition: { of: (_: void) => partition } });
}
