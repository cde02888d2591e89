import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Ctx } from "../context.js";

/** One write of a transaction, as DynamoDB takes it. */
export type TransactWrite = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** A transaction's write with a name (`lead`, `externalRef`, `dayCounter`): a cancellation reports by name. */
export type TransactItem = TransactWrite & { name: string };

/** Names a write for a transaction. */
export const named = (name: string, write: TransactWrite): TransactItem => ({ name, ...write });

/** A cancelled transaction, with DynamoDB's reason code for each named item ("None" where that item was fine). */
export class TransactionCancelledError extends Error {
  constructor(readonly reasons: Array<{ name: string; code: string }>) {
    super(`transaction cancelled: ${reasons.filter((r) => r.code !== "None").map((r) => `${r.name} ${r.code}`).join(", ") || "no reason given"}`);
    this.name = "TransactionCancelledError";
  }

  /** True when the item named `name` (any of them, when several share it) failed its condition. */
  failedCondition(name: string): boolean {
    return this.reasons.some((r) => r.name === name && r.code === "ConditionalCheckFailed");
  }

  /** True when DynamoDB cancelled it for a concurrent transaction on one of its items: worth a retry. */
  get conflicted(): boolean {
    return this.reasons.some((r) => r.code === "TransactionConflict");
  }
}

/** True for a cancellation a retry may get through (a conflict with a concurrent transaction). */
export const isTransactionConflict = (error: unknown) => error instanceof TransactionCancelledError && error.conflicted;

/** Writes all items atomically; a cancellation surfaces as TransactionCancelledError naming the items that failed. */
export async function transact(ctx: Ctx, items: TransactItem[]): Promise<void> {
  const writes = items.map(({ name: _name, ...write }) => write);
  try {
    await ctx.doc.send(new TransactWriteCommand({ TransactItems: writes }));
  } catch (error) {
    if (error instanceof TransactionCanceledException || (error as Error).name === "TransactionCanceledException") {
      const codes = ((error as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code ?? "None");
      throw new TransactionCancelledError(items.map((item, i) => ({ name: item.name, code: codes[i] ?? "None" })));
    }
    throw error;
  }
}
