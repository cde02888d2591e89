import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

/**
 * The pid of a DynamoDB Local already serving `dataDir` (npm start's), or null. Two of them on one
 * directory both start, then trip over each other's SQLite locks mid-load, so the demo asks first.
 */
export function dynamoLocalServing(dataDir: string): number | null {
  const listing = spawnSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  if (listing.error || listing.status !== 0) return null;
  const path = resolve(dataDir);
  for (const line of listing.stdout.split("\n")) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    // startDynamoLocal runs `java ... DynamoDBLocal_lib ... LoopbackDynamo -dbPath <dir> -port <n>`.
    if (match && match[2]!.includes("DynamoDBLocal") && match[2]!.includes(`-dbPath ${path} -port`)) return Number(match[1]);
  }
  return null;
}
