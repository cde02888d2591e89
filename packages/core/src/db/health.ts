import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import type { Ctx } from "../context.js";
import { defineEntity } from "./entity.js";

/** How long a health check waits for the database before calling it down. */
const HEALTH_TIMEOUT_MS = 3000;

/** A key nothing is stored under: the health check reads it and expects nothing. */
const HealthProbeEntity = defineEntity({
  type: "healthProbe",
  schema: z.object({}),
  key: (_: object) => ({ pk: "HEALTH", sk: "HEALTH" }),
});

/**
 * Whether the table answers: one GetItem of a key nothing is stored under (the cheapest read the
 * function is already allowed). Answers the reason when it does not.
 */
export async function databaseProblem(ctx: Ctx): Promise<string | undefined> {
  try {
    // The entity's `get` takes no abort signal, and this read must give up before a hung database does.
    await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: HealthProbeEntity.key({}) }), { abortSignal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    return undefined;
  } catch (error) {
    const { name, message } = error as Error;
    return `${name}: ${message}`.slice(0, 300);
  }
}
