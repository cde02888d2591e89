import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** A cancelled transaction, with DynamoDB's reason code for each item in order ("None" where that item was fine). */
export class TransactionCancelledError extends Error {
  constructor(readonly reasons: string[]) {
    super(`transaction cancelled: ${reasons.join(", ")}`);
    this.name = "TransactionCancelledError";
  }

  /** True when the item at `index` failed its condition. */
  failedCondition(index: number): boolean {
    return this.reasons[index] === "ConditionalCheckFailed";
  }
}

/** Writes all items atomically; a cancellation surfaces as TransactionCancelledError. */
export async function transact(ctx: Ctx, items: TransactItem[]): Promise<void> {
  try {
    await ctx.doc.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException || (error as Error).name === "TransactionCanceledException") {
      const reasons = ((error as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code ?? "None");
      throw new TransactionCancelledError(reasons);
    }
    throw error;
  }
}
