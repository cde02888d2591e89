import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Config } from "./config.js";

/**
 * What every domain verb needs from the outside world. Passed explicitly so that tests
 * can pin the clock and give each suite its own table.
 */
export type Ctx = {
  doc: DynamoDBDocumentClient;
  table: string;
  /** IANA zone in which cohort days and probe windows are counted. */
  timeZone: string;
  now: () => Date;
  /** The workspace's de-duplication window in days (DEDUP_WINDOW_DAYS); 30 when absent. */
  dedupWindowDays?: number;
};

/** The context of a running entry point (a Lambda, `npm start`, the demo): the configured table, zone and window, the real clock. */
export function contextFrom(config: Config, doc: DynamoDBDocumentClient): Ctx {
  return { doc, table: config.tableName, timeZone: config.timeZone, now: () => new Date(), dedupWindowDays: config.dedupWindowDays };
}
