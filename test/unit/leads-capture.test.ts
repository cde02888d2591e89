import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import type { Ctx } from "../../packages/core/src/context.js";
import type { LeadFields } from "../../packages/core/src/lead/incoming.js";
import { captureLead } from "../../packages/core/src/lead/capture.js";

// Real DynamoDB cancels racing transactions with TransactionConflict, which DynamoDB Local never does.
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "eu-central-1" }));
const dynamo = mockClient(doc);
const ctx: Ctx = { doc, table: "t", timeZone: "Europe/Moscow", now: () => new Date("2026-03-02T09:00:00Z") };

const fields: LeadFields = {
  externalId: "6190123:1",
  contact: { name: "Анна", phone: "+79161234567", email: null },
  utm: { source: null, medium: null, campaign: null, content: null, term: null },
  clickIds: {},
  landingUrl: null,
  referrer: null,
};

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({ message: "cancelled", $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

beforeEach(() => {
  dynamo.reset();
  // Nobody has claimed the phone yet (lead/contact-claims.ts).
  dynamo.on(BatchGetCommand).resolves({ Responses: { t: [] } });
  // The source has no assignment rule (lead/assignment-rules.ts).
  dynamo.on(GetCommand).resolves({});
});

describe("lead capture under contention", () => {
  it("retries a transaction cancelled by a conflicting one and captures the lead", async () => {
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled("None", "None", "TransactionConflict")).rejectsOnce(cancelled("TransactionConflict")).resolves({});

    const result = await captureLead(ctx, { sourceId: "src", fields });

    expect(result.duplicate).toBe(false);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it("answers with the existing lead when the sender's id is already taken", async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled("None", "ConditionalCheckFailed", "None"));
    // The sender's id's reference as stored; the lead it names is read too (to follow a merge).
    const reference = { sourceId: "src", externalId: fields.externalId, leadId: "01EXISTING", createdAt: "2026-03-01T09:00:00.000Z" };
    dynamo.on(GetCommand).resolves({});
    dynamo.on(GetCommand, { Key: { pk: "LEADREF#src#ext#6190123:1", sk: "LEADREF" } }).resolves({ Item: { pk: "LEADREF#src#ext#6190123:1", sk: "LEADREF", type: "leadRef", ...reference } });

    expect(await captureLead(ctx, { sourceId: "src", fields })).toEqual({ id: "01EXISTING", duplicate: true });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it("gives up after repeated conflicts instead of looping forever", async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled("TransactionConflict"));
    await expect(captureLead(ctx, { sourceId: "src", fields })).rejects.toThrow(/TransactionConflict/);
    expect(dynamo.commandCalls(TransactWriteCommand).length).toBeGreaterThan(1);
  });
});
