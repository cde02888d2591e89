import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  waitUntilTableExists,
  type TableDescription,
} from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Config } from "../config.js";
import { createTableInput } from "./table.js";

/**
 * How long one DynamoDB call may take before it is abandoned (and retried by the SDK: 4 attempts in all,
 * DynamoDB's default). The SDK's own default waits 5 minutes of silence per attempt: a database that
 * stops answering without closing its connections (a frozen process, a lost network path) held a
 * request for up to 20 minutes. Calls here take milliseconds; a slow one gets 5 s, so a request fails
 * with a 503 (api middleware/errors.ts) in about 20 s, within API Gateway's 30 s, and the sender retries.
 */
const DB_CALL_TIMEOUT_MS = 5_000;

export function createDocumentClient(config: Pick<Config, "endpoint" | "region">): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: DB_CALL_TIMEOUT_MS, throwOnRequestTimeout: true },
    ...(config.endpoint
      ? // DynamoDB Local accepts any credentials; fixed ones keep it off the AWS credential chain.
        { endpoint: config.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/**
 * Creates the table from the shared definition unless it already exists; an existing table (a local
 * data folder from an older version) gets the indexes added since.
 */
export async function ensureTable(doc: DynamoDBDocumentClient, tableName: string): Promise<"created" | "existed"> {
  try {
    const { Table } = await doc.send(new DescribeTableCommand({ TableName: tableName }));
    await addMissingIndexes(doc, tableName, Table!);
    return "existed";
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await doc.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    // Another process created it between our describe and create.
    if ((error as Error).name !== "ResourceInUseException") throw error;
  }
  await waitUntilTableExists({ client: doc, maxWaitTime: 60 }, { TableName: tableName });
  return "created";
}

/** Adds, one at a time (DynamoDB takes one index creation per update), the indexes the definition has and the table lacks. */
async function addMissingIndexes(doc: DynamoDBDocumentClient, tableName: string, table: TableDescription): Promise<void> {
  const present = new Set((table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const wanted = createTableInput(tableName);
  for (const index of wanted.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    const attributes = index.KeySchema!.map((key) => wanted.AttributeDefinitions!.find((a) => a.AttributeName === key.AttributeName)!);
    await doc.send(new UpdateTableCommand({ TableName: tableName, AttributeDefinitions: attributes, GlobalSecondaryIndexUpdates: [{ Create: index }] }));
    await waitForIndex(doc, tableName, index.IndexName!);
  }
}

async function waitForIndex(doc: DynamoDBDocumentClient, tableName: string, indexName: string): Promise<void> {
  for (let waited = 0; waited < 120_000; waited += 500) {
    const { Table } = await doc.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.GlobalSecondaryIndexes?.find((index) => index.IndexName === indexName)?.IndexStatus === "ACTIVE") return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`index ${indexName} of table ${tableName} did not become active within 2 minutes`);
}
