import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { readCollection } from "../../packages/core/src/db/collection.js";
import { defineEntity } from "../../packages/core/src/db/entity.js";
import { named, transact, TransactionCancelledError } from "../../packages/core/src/db/transact.js";
import { createHarness, type Harness } from "../support/harness.js";
import { token } from "../support/intake.js";

// A made-up entity, so these tests pin the layer itself rather than one domain's use of it.
const Note = defineEntity({
  type: "testNote",
  schema: z.object({ id: z.string(), shelf: z.string(), text: z.string(), pinned: z.boolean().default(false), at: z.string() }),
  key: ({ id }: { id: string }) => ({ pk: `TESTNOTE#${id}`, sk: "TESTNOTE" }),
  patterns: {
    byShelf: { index: "gsi1", partition: ({ shelf }: { shelf: string }) => `TESTNOTES#${shelf}`, sort: (note: { at: string; id: string }) => `${note.at}#${note.id}` },
    pinned: { index: "gsi2", partition: (note: { pinned?: boolean; shelf: string }) => (note.pinned ? `TESTPINNED#${note.shelf}` : null), sort: (note: { id: string }) => note.id },
  },
});

// A counter kept in a partition beside other items (like a lead's stage history beside the lead).
const Tally = defineEntity({
  type: "testTally",
  schema: z.object({ board: z.string(), day: z.string(), count: z.number().default(0), firstBy: z.string().optional(), "after_-1": z.number().optional(), meta: z.object({ a: z.string().optional(), b: z.string().optional() }).optional() }),
  key: ({ board, day }: { board: string; day: string }) => ({ pk: `TESTBOARD#${board}`, sk: `TALLY#${day}` }),
  partition: { of: ({ board }: { board: string }) => `TESTBOARD#${board}`, sortPrefix: "TALLY#" },
});

// The head item of the tallies' partition, read together with them.
const Board = defineEntity({
  type: "testBoard",
  schema: z.object({ board: z.string(), title: z.string() }),
  key: ({ board }: { board: string }) => ({ pk: `TESTBOARD#${board}`, sk: "BOARD" }),
  partition: { of: ({ board }: { board: string }) => `TESTBOARD#${board}`, sortKey: "BOARD" },
});

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const note = (shelf: string, at: string, extra: Partial<z.infer<typeof Note.schema>> = {}) => ({ id: token(), shelf, text: `note ${at}`, pinned: false, at, ...extra });

describe("an entity declared once", () => {
  it("stores the item under its key template with its listings and type, and reads back only its attributes", async () => {
    const n = note(`s_${token()}`, "2026-03-02T10:00:00Z", { pinned: true });
    expect(await Note.put(h.ctx, n, "new")).toBe(true);
    expect(Note.item(n)).toMatchObject({ pk: `TESTNOTE#${n.id}`, sk: "TESTNOTE", gsi1pk: `TESTNOTES#${n.shelf}`, gsi2pk: `TESTPINNED#${n.shelf}`, type: "testNote" });
    expect(await Note.get(h.ctx, { id: n.id }, { consistent: true })).toEqual(n);
  });

  it("refuses a second create of the same key and an update of a missing item, without throwing", async () => {
    const n = note(`s_${token()}`, "2026-03-02T10:00:00Z");
    expect(await Note.put(h.ctx, n, "new")).toBe(true);
    expect(await Note.put(h.ctx, { ...n, text: "again" }, "new")).toBe(false);
    expect((await Note.get(h.ctx, { id: n.id }, { consistent: true }))?.text).toBe(n.text);
    expect(await Note.update(h.ctx, { id: `missing_${token()}` }, { set: { text: "x" } })).toBeUndefined();
  });

  it("updates the attributes given and leaves the rest, answering the item as it is now", async () => {
    const n = note(`s_${token()}`, "2026-03-02T10:00:00Z");
    await Note.put(h.ctx, n, "new");
    expect(await Note.update(h.ctx, { id: n.id }, { set: { text: "edited", pinned: undefined } })).toEqual({ ...n, text: "edited" });
  });

  it("lists by access pattern, newest first, page by page, with a sort-key prefix, and leaves unlisted items out", async () => {
    const shelf = `s_${token()}`;
    const notes = [note(shelf, "2026-03-01T09:00:00Z"), note(shelf, "2026-03-02T09:00:00Z", { pinned: true }), note(shelf, "2026-03-03T09:00:00Z")];
    for (const n of notes) await Note.put(h.ctx, n, "new");

    const first = await Note.page(h.ctx, "byShelf", { shelf }, { limit: 2, newestFirst: true });
    const second = await Note.page(h.ctx, "byShelf", { shelf }, { limit: 2, newestFirst: true, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((n) => n.at)).toEqual(notes.map((n) => n.at).reverse());
    expect((await Note.all(h.ctx, "byShelf", { shelf }, { sort: { beginsWith: "2026-03-02" } })).map((n) => n.id)).toEqual([notes[1]!.id]);
    expect((await Note.all(h.ctx, "pinned", { shelf, pinned: true })).map((n) => n.id)).toEqual([notes[1]!.id]);
  });
});

describe("the layer's other reads and writes", () => {
  it("upserts a counter without a condition, keeps a first value with setIfMissing, and takes any attribute name", async () => {
    const id = { board: `b_${token()}`, day: "2026-03-01" };
    const bump = (by: string) => Tally.update(h.ctx, id, { set: id, setIfMissing: { firstBy: by }, add: { count: 1, "after_-1": 2 } }, "none");
    expect(await bump("ann")).toEqual({ ...id, count: 1, firstBy: "ann", "after_-1": 2 });
    expect(await bump("bob")).toEqual({ ...id, count: 2, firstBy: "ann", "after_-1": 4 });
  });

  it("sets fields inside a map one by one, leaving its other fields", async () => {
    const id = { board: `b_${token()}`, day: "2026-03-01" };
    await Tally.put(h.ctx, { ...id, count: 0, meta: { a: "one", b: "two" } }, "new");
    expect((await Tally.update(h.ctx, id, { setIn: { meta: { b: "three" } } }))?.meta).toEqual({ a: "one", b: "three" });
  });

  it("reads an entity's items in its partition by prefix (leaving other items there) and by range, either way round", async () => {
    const board = `b_${token()}`;
    for (const day of ["2026-03-01", "2026-03-02", "2026-03-03"]) await Tally.put(h.ctx, { board, day, count: 1 });
    await h.ctx.doc.send(new PutCommand({ TableName: h.ctx.table, Item: { pk: `TESTBOARD#${board}`, sk: "BOARD", type: "testBoard" } }));
    expect((await Tally.inPartition(h.ctx, { board }, { consistent: true })).map((t) => t.day)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    const range = { between: [Tally.key({ board, day: "2026-03-02" }).sk, Tally.key({ board, day: "2026-03-09" }).sk] as [string, string] };
    expect((await Tally.inPartition(h.ctx, { board }, { sort: range, newestFirst: true, consistent: true })).map((t) => t.day)).toEqual(["2026-03-03", "2026-03-02"]);
  });

  it("reads a partition of several entities in one go, each item by its own schema, grouped, past DynamoDB's 1 MB page", async () => {
    const board = `b_${token()}`;
    const pk = `TESTBOARD#${board}`;
    await Board.put(h.ctx, { board, title: "March" }, "new");
    // Counter-like items written by upsert carry no type: they are told apart by sort key.
    for (const day of ["2026-03-02", "2026-03-01"]) await Tally.update(h.ctx, { board, day }, { set: { board, day }, add: { count: 1 } }, "none");
    // Four items of 300 KB each, so the query needs more than one page.
    const padding = "x".repeat(300_000);
    for (const day of ["2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]) {
      await h.ctx.doc.send(new PutCommand({ TableName: h.ctx.table, Item: { ...Tally.item({ board, day, count: 2 }), padding } }));
    }
    await h.ctx.doc.send(new PutCommand({ TableName: h.ctx.table, Item: { pk, sk: "OTHER#1", type: "testOther" } }));

    const read = await readCollection(h.ctx, pk, { board: Board, tallies: Tally }, { consistent: true });

    expect(read.board).toEqual([{ board, title: "March" }]);
    expect(read.tallies.map((t) => [t.day, t.count])).toEqual([
      ["2026-03-01", 1],
      ["2026-03-02", 1],
      ["2026-03-03", 2],
      ["2026-03-04", 2],
      ["2026-03-05", 2],
      ["2026-03-06", 2],
    ]);
    expect(Object.keys(read)).toEqual(["board", "tallies"]);
  });

  it("reads a listing's items with only the attributes a view declares", async () => {
    const shelf = `s_${token()}`;
    const notes = [note(shelf, "2026-03-01T09:00:00Z"), note(shelf, "2026-03-02T09:00:00Z")];
    for (const n of notes) await Note.put(h.ctx, n, "new");
    const View = z.object({ id: z.string(), at: z.string() });
    expect(await Note.allAs(h.ctx, "byShelf", { shelf }, View, { newestFirst: true })).toEqual(notes.map(({ id, at }) => ({ id, at })).reverse());
  });

  it("reads a head item by its declared sort key alone", async () => {
    const board = `b_${token()}`;
    await Board.put(h.ctx, { board, title: "April" }, "new");
    await Tally.put(h.ctx, { board, day: "2026-04-01", count: 1 });
    expect(await Board.inPartition(h.ctx, { board }, { consistent: true })).toEqual([{ board, title: "April" }]);
  });

  it("puts an item under ids it does not hold itself", async () => {
    const board = `b_${token()}`;
    expect(await Tally.put(h.ctx, { board, day: "stored", count: 3 }, "new", { board, day: "keyed" })).toBe(true);
    expect(await Tally.get(h.ctx, { board, day: "keyed" }, { consistent: true })).toEqual({ board, day: "stored", count: 3 });
    expect(await Tally.get(h.ctx, { board, day: "stored" }, { consistent: true })).toBeUndefined();
  });

  it("gets many items by key, more than one batch of 100, skipping the missing", async () => {
    const shelf = `s_${token()}`;
    const notes = Array.from({ length: 130 }, (_, i) => note(shelf, `2026-03-02T10:${String(i % 60).padStart(2, "0")}:00Z`));
    await Promise.all(notes.map((n) => Note.put(h.ctx, n, "new")));
    const found = await Note.getMany(h.ctx, [...notes.map(({ id }) => ({ id })), { id: `missing_${token()}` }], { consistent: true });
    expect(found.map((n) => n.id).sort()).toEqual(notes.map((n) => n.id).sort());
  });
});

describe("a transaction of named items", () => {
  it("says which named item failed its condition, and writes nothing", async () => {
    const taken = note(`s_${token()}`, "2026-03-02T10:00:00Z");
    await Note.put(h.ctx, taken, "new");
    const fresh = note(taken.shelf, "2026-03-02T11:00:00Z");
    const cancelled = await transact(h.ctx, [Note.putItem(h.ctx, fresh, "new", "freshNote"), Note.putItem(h.ctx, taken, "new", "takenNote")]).catch((error) => error);
    expect(cancelled).toBeInstanceOf(TransactionCancelledError);
    expect(cancelled.failedCondition("takenNote")).toBe(true);
    expect(cancelled.failedCondition("freshNote")).toBe(false);
    expect(cancelled.message).toBe("transaction cancelled: takenNote ConditionalCheckFailed");
    expect(await Note.get(h.ctx, { id: fresh.id }, { consistent: true })).toBeUndefined();
  });

  it("takes hand-written writes under a name too", async () => {
    const n = note(`s_${token()}`, "2026-03-02T10:00:00Z");
    await transact(h.ctx, [named("note", { Put: { TableName: h.ctx.table, Item: Note.item(n), ConditionExpression: "attribute_not_exists(pk)" } })]);
    expect(await Note.get(h.ctx, { id: n.id }, { consistent: true })).toEqual(n);
  });
});
