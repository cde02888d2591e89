import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "../db/entity.js";
import { transact } from "../db/transact.js";
import { NotFoundError } from "../errors.js";
import { newId } from "../ids.js";
import { leadStages, type LeadStage } from "../lead-stages.js";

/** How a sender writes its webhook bodies; it picks the parser. */
export const sourceFormats = ["tilda", "amocrm", "json"] as const;
export type SourceFormat = (typeof sourceFormats)[number];

/** CRM status id -> lead stage. */
export type StatusMap = Record<string, LeadStage>;

/** amoCRM's fixed pipeline statuses: 142 "Успешно реализовано", 143 "Закрыто и не реализовано". */
export const defaultStatusMap: StatusMap = { "142": "won", "143": "lost" };

/** Whether a deal in `pipelineId` counts for this source (a deal whose pipeline was not sent does). */
export function countsPipeline(source: Pick<Source, "pipelines">, pipelineId: string | null | undefined): boolean {
  return source.pipelines.length === 0 || !pipelineId || source.pipelines.includes(pipelineId);
}

/** A sender of leads (a Tilda site, an amoCRM account, a custom form) with its own webhook key. */
export type Source = {
  id: string;
  /** The secret in the webhook path `/hooks/{key}`: whoever knows it can post leads. */
  key: string;
  name: string;
  format: SourceFormat;
  /** The effective mapping: amoCRM's defaults with this source's own entries over them. */
  statusMap: StatusMap;
  /** amoCRM `loss_reason_id` -> the reason's name, as the account's loss reasons are called. */
  lossReasons: LossReasonMap;
  /** amoCRM pipeline ids whose deals count; empty: every pipeline's. */
  pipelines: string[];
  createdAt: string;
};

/** amoCRM loss reason id -> reason name. */
export type LossReasonMap = Record<string, string>;

/** amoCRM's ids are digits; the limit keeps them fit for item keys. */
export const AmoId = z.string().regex(/^\d{1,20}$/, "an amoCRM id: digits only, at most 20");

export const LossReasonsInput = z
  .record(AmoId, z.string().trim().min(1).max(100))
  .refine((map) => Object.keys(map).length <= 500, { message: "at most 500 loss reasons" });

/** The pipelines whose deals count; an empty list counts every pipeline's. */
export const PipelinesInput = z.array(AmoId).max(100);

/** The longest CRM status id a status map keeps (amoCRM's are digits; other CRMs may use text). */
export const STATUS_ID_MAX = 64;

export const StatusMapInput = z
  .record(z.string().min(1).max(STATUS_ID_MAX), z.enum(leadStages))
  .refine((map) => Object.keys(map).length <= 500, { message: "at most 500 statuses" });

export const CreateSourceInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  format: z.enum(sourceFormats),
  statusMap: StatusMapInput.optional(),
  lossReasons: LossReasonsInput.optional(),
  pipelines: PipelinesInput.optional(),
});

/** Renaming, or correcting the format a sender was registered with (then replay its quarantined calls). */
export const UpdateSourceInput = z
  .strictObject({ name: z.string().trim().min(1).max(200).optional(), format: z.enum(sourceFormats).optional() })
  .refine((v) => v.name !== undefined || v.format !== undefined, { message: "give name or format" });

/** A source as stored: its own status entries only (the amoCRM defaults are added on reading). */
export const SourceEntity = defineEntity({
  type: "source",
  schema: z.object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    format: z.enum(sourceFormats),
    statusMap: z.record(z.string(), z.enum(leadStages)).default({}),
    lossReasons: z.record(z.string(), z.string()).default({}),
    pipelines: z.array(z.string()).default([]),
    createdAt: z.string(),
  }),
  key: ({ id }: { id: string }) => ({ pk: `SOURCE#${id}`, sk: "SOURCE" }),
  patterns: {
    all: { index: "gsi1", partition: (_: object) => "SOURCES", sort: (s: { id: string }) => s.id },
  },
});

/**
 * Finds a source by its webhook key in one consistent read. The item holds only the source's id:
 * the key it is stored under is the secret itself, so the put names it.
 */
export const SourceKeyEntity = defineEntity({
  type: "sourceKey",
  schema: z.object({ sourceId: z.string() }),
  key: ({ key }: { key: string }) => ({ pk: `SOURCEKEY#${key}`, sk: "SOURCEKEY" }),
});

export const Sources = {
  async create(ctx: Ctx, input: z.infer<typeof CreateSourceInput>): Promise<Source> {
    const id = newId();
    const key = randomBytes(24).toString("base64url");
    const own = input.statusMap ?? {};
    const lossReasons = input.lossReasons ?? {};
    const pipelines = [...new Set(input.pipelines ?? [])];
    const createdAt = ctx.now().toISOString();
    await transact(ctx, [
      SourceEntity.putItem(ctx, { id, key, name: input.name, format: input.format, statusMap: own, lossReasons, pipelines, createdAt }, "new", "source"),
      SourceKeyEntity.putItem(ctx, { sourceId: id }, "new", "sourceKey", { key }),
    ]);
    return { id, key, name: input.name, format: input.format, statusMap: { ...defaultStatusMap, ...own }, lossReasons, pipelines, createdAt };
  },

  async get(ctx: Ctx, id: string): Promise<Source> {
    const item = await SourceEntity.get(ctx, { id }, { consistent: true });
    if (!item) throw new NotFoundError("source", id);
    return toSource(item);
  },

  /** The source a webhook key belongs to, or null for a key nobody was given. */
  async byKey(ctx: Ctx, key: string): Promise<Source | null> {
    const item = await SourceKeyEntity.get(ctx, { key }, { consistent: true });
    return item ? Sources.get(ctx, item.sourceId) : null;
  },

  async list(ctx: Ctx): Promise<Source[]> {
    return (await SourceEntity.all(ctx, "all", {})).map(toSource);
  },

  /** Replaces the source's own status entries; the amoCRM defaults stay underneath. */
  async setStatusMap(ctx: Ctx, id: string, statusMap: StatusMap): Promise<Source> {
    return update(ctx, id, { statusMap });
  },

  /** Replaces the source's map of amoCRM loss reason ids to names. */
  async setLossReasons(ctx: Ctx, id: string, lossReasons: LossReasonMap): Promise<Source> {
    return update(ctx, id, { lossReasons });
  },

  /** Replaces the list of pipelines whose deals count (empty: all). */
  async setPipelines(ctx: Ctx, id: string, pipelines: string[]): Promise<Source> {
    return update(ctx, id, { pipelines: [...new Set(pipelines)] });
  },

  async update(ctx: Ctx, id: string, input: z.infer<typeof UpdateSourceInput>): Promise<Source> {
    return update(ctx, id, input);
  },
};

async function update(ctx: Ctx, id: string, changes: Partial<Pick<Source, "name" | "format" | "statusMap" | "lossReasons" | "pipelines">>): Promise<Source> {
  const item = await SourceEntity.update(ctx, { id }, { set: changes });
  if (!item) throw new NotFoundError("source", id);
  return toSource(item);
}

export function toSource(item: z.infer<typeof SourceEntity.schema>): Source {
  return { ...item, statusMap: { ...defaultStatusMap, ...item.statusMap } };
}
