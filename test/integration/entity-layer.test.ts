import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
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
