import { monotonicFactory } from "ulid";

const ulid = monotonicFactory();

/** A ULID: unique, and sortable by creation time. */
export function newId(): string {
  return ulid();
}
