import { RemovalPolicy } from "aws-cdk-lib";
import { Table, type StackContext, type TableGlobalIndexProps } from "sst/constructs";
import { keyAttributes, tableDefinition } from "@parom/core/db";

/** The single table, built from the same definition the local bootstrap uses. */
export function Database({ stack, app }: StackContext) {
  const { partitionKey, sortKey, globalIndexes } = tableDefinition;
  const isProd = app.stage === "prod";

  const table = new Table(stack, "Table", {
    fields: Object.fromEntries(keyAttributes().map((name) => [name, "string" as const])),
    primaryIndex: { partitionKey, sortKey },
    // Web sessions and sign-in throttle windows carry `ttl` (epoch seconds): DynamoDB clears them once
    // past; their expiry is enforced in code regardless. No other item has the attribute.
    timeToLiveAttribute: "ttl",
    globalIndexes: Object.fromEntries(
      Object.entries(globalIndexes).map(([name, index]): [string, TableGlobalIndexProps] => [
        name,
        { partitionKey: index.partitionKey, sortKey: index.sortKey, projection: "all" },
      ]),
    ),
    cdk: {
      table: {
        // SST already passes the deprecated `pointInTimeRecovery: true`; CDK refuses
        // `pointInTimeRecoverySpecification` alongside it, so state it the same way.
        pointInTimeRecovery: true,
        deletionProtection: isProd,
        removalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      },
    },
  });

  return { table };
}
