import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
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

/** Creates the table from the shared definition unless it already exists. */
export async function ensureTable(doc: DynamoDBDocumentClient, tableName: string): Promise<"created" | "existed"> {
  try {
    await doc.send(new DescribeTableCommand({ TableName: tableName }));
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
