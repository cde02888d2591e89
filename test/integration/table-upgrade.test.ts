import { CreateTableCommand, DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, inject, it } from "vitest";
import { createDocumentClient, ensureTable } from "../../packages/core/src/db/client.js";
import { createTableInput, tableDefinition } from "../../packages/core/src/db/table.js";
import { newId } from "../../packages/core/src/ids.js";

describe("a local table made by an older version", () => {
  it("gets the indexes added since when the app starts on it, keeping its items", async () => {
    const doc = createDocumentClient({ endpoint: inject("dynamoEndpoint"), region: "eu-central-1" });
    const table = `test_${newId()}`;
    // The table as versions before gsi4 created it.
    const old = createTableInput(table);
    old.GlobalSecondaryIndexes = old.GlobalSecondaryIndexes!.filter((index) => index.IndexName !== "gsi4");
    old.AttributeDefinitions = old.AttributeDefinitions!.filter((a) => !a.AttributeName!.startsWith("gsi4"));
    await doc.send(new CreateTableCommand(old));
    await doc.send(new PutCommand({ TableName: table, Item: { pk: "LEAD#1", sk: "LEAD", gsi4pk: "LEADS#PERSON#p1", gsi4sk: "2026-03-02#1" } }));

    expect(await ensureTable(doc, table)).toBe("existed");

    const { Table } = await doc.send(new DescribeTableCommand({ TableName: table }));
    expect(Table!.GlobalSecondaryIndexes!.map((i) => i.IndexName).sort()).toEqual(Object.keys(tableDefinition.globalIndexes).sort());
    const listed = await doc.send(
      new QueryCommand({ TableName: table, IndexName: "gsi4", KeyConditionExpression: "gsi4pk = :p", ExpressionAttributeValues: { ":p": "LEADS#PERSON#p1" } }),
    );
    expect(listed.Items!.map((item) => item.pk)).toEqual(["LEAD#1"]);
  });
});
