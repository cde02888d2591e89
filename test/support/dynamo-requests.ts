import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export type RequestCount = { total: number; byOperation: Record<string, number> };

/**
 * Counts the requests a document client sends to DynamoDB, by operation ("Query", "GetItem"...).
 * It sits at the `initialize` step, so an SDK retry of the same request is not counted twice.
 * One counter per client: adding a second throws (the middleware name is taken).
 * @example
 * const requests = countRequests(h.ctx.doc);
 * const { total } = await requests.during(() => browser.get(`/hypotheses/${id}`));
 */
export function countRequests(doc: DynamoDBDocumentClient) {
  let counts: Record<string, number> = {};
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? "unknown").replace(/Command$/, "");
      counts[operation] = (counts[operation] ?? 0) + 1;
      return next(args);
    },
    { step: "initialize", name: "paromRequestCount" },
  );
  const snapshot = (): RequestCount => ({ total: Object.values(counts).reduce((sum, n) => sum + n, 0), byOperation: { ...counts } });
  return {
    snapshot,
    reset() {
      counts = {};
    },
    /** The requests made while `task` ran (nothing else may use the client meanwhile). */
    async during<T>(task: () => Promise<T>): Promise<RequestCount & { result: T }> {
      counts = {};
      const result = await task();
      return { ...snapshot(), result };
    },
  };
}

/** "12 (Query 10, GetItem 2)" */
export const describeCount = ({ total, byOperation }: RequestCount) =>
  `${total} (${Object.entries(byOperation)
    .sort(([, a], [, b]) => b - a)
    .map(([operation, n]) => `${operation} ${n}`)
    .join(", ")})`;
