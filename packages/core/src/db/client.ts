import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Config } from "../config.js";
import { createTableInput } from "./table.js";

export function createDocumentClient(config: Pick<Config, "endpoint" | "region">): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region,
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
