import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";

/** How long a health check waits for the database before calling it down. */
const HEALTH_TIMEOUT_MS = 3000;

/**
 * Whether the table answers: one GetItem of a key nothing is stored under (the cheapest read the
 * function is already allowed). Answers the reason when it does not.
 */
export async function databaseProblem(ctx: Ctx): Promise<string | undefined> {
  try {
    await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: { pk: "HEALTH", sk: "HEALTH" } }), { abortSignal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    return undefined;
  } catch (error) {
    const { name, message } = error as Error;
    return `${name}: ${message}`.slice(0, 300);
  }
}
