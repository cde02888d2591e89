import { beforeAll, describe, expect, it } from "vitest";
import { ideaBody, promotionBody } from "../support/backlog.js";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
let marketerKey: string;
beforeAll(async () => {
  h = await createHarness();
  marketerKey = (await h.call("POST", "/api/keys", { role: "marketer", name: "Ольга" })).body.key;
});

const newIdea = async (over: Record<string, unknown> = {}) => {
  const res = await h.call("POST", "/api/ideas", ideaBody(over), { key: marketerKey });
  expect(res.status, res.text).toBe(201);
  return res.body;
};
const paths = (res: { body: any }) => res.body.issues.map((issue: { path: string }) => issue.path);

describe("an idea in the backlog", () => {
  it("is created with a title, statement, channel and ICE scores, with their product, and is no hypothesis yet", async () => {
    const idea = await newIdea({ ice: { impact: 8, confidence: 5, ease: 3 } });

    expect(idea).toMatchObject({ stage: "idea", channel: "vk_ads", ice: { impact: 8, confidence: 5, ease: 3, score: 120 } });
    expect((await h.call("GET", `/api/ideas/${idea.id}`)).body).toEqual(idea);
    expect((await h.call("GET", "/api/hypotheses")).body.items.map((x: any) => x.id)).not.toContain(idea.id);
    expect((await h.call("GET", `/api/hypotheses/${idea.id}/kpis`)).status).toBe(404);
    const history = (await h.call("GET", `/api/hypotheses/${idea.id}/history`)).status;
    expect(history).toBe(404);
  });

  it("refuses ICE scores outside 1-10 or not whole, naming each field", async () => {
    const bad = await h.call("POST", "/api/ideas", ideaBody({ ice: { impact: 0, confidence: 11, ease: 2.5 } }));
    const missing = await h.call("POST", "/api/ideas", ideaBody({ ice: undefined, title: "" }));

    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(["ice.impact", "ice.confidence", "ice.ease"]);
    expect(bad.body.message).toMatch(/ice\.impact: Too small/);
    expect(missing.status).toBe(400);
    expect(paths(missing).sort()).toEqual(["ice", "title"]);
  });

  it("is scored again through its ICE route, which checks the scores the same way", async () => {
    const idea = await newIdea();

    const rescored = await h.call("PUT", `/api/ideas/${idea.id}/ice`, { impact: 10, confidence: 10, ease: 10 }, { key: marketerKey });
    const refused = await h.call("PUT", `/api/ideas/${idea.id}/ice`, { impact: 10, confidence: 0, ease: 10 });
    const unknown = await h.call("PUT", `/api/ideas/01NOSUCHIDEA00000000000000/ice`, { impact: 1, confidence: 1, ease: 1 });

    expect(rescored.status).toBe(200);
    expect(rescored.body.ice).toEqual({ impact: 10, confidence: 10, ease: 10, score: 1000 });
    expect(refused.status).toBe(400);
    expect(paths(refused)).toEqual(["confidence"]);
    expect((await h.call("GET", `/api/ideas/${idea.id}`)).body.ice.score).toBe(1000);
    expect(unknown.status).toBe(404);
  });
});

describe("the backlog's order", () => {
  it("lists ideas by ICE product, highest first, and by any column either way", async () => {
    const local = await createHarness();
    const post = async (title: string, ice: Record<string, number>) => (await local.call("POST", "/api/ideas", ideaBody({ title, ice }))).body.id;
    await post("small", { impact: 2, confidence: 2, ease: 9 }); // 36
    await post("big", { impact: 9, confidence: 8, ease: 2 }); // 144
    await post("middle", { impact: 5, confidence: 4, ease: 3 }); // 60

    const titles = async (query = "") => (await local.call("GET", `/api/ideas${query}`)).body.items.map((idea: any) => idea.title);

    expect(await titles()).toEqual(["big", "middle", "small"]);
    expect(await titles("?sort=score&order=asc")).toEqual(["small", "middle", "big"]);
    expect(await titles("?sort=ease")).toEqual(["small", "middle", "big"]);
    expect(await titles("?sort=impact&order=asc")).toEqual(["small", "middle", "big"]);
    expect(await titles("?sort=confidence")).toEqual(["big", "middle", "small"]);
    const bad = await local.call("GET", "/api/ideas?sort=price");
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(["sort"]);
  });
});

describe("promoting an idea to a probe", () => {
  it("makes it a hypothesis in probe with the same id, its budget read as typed, and the history names who added and who promoted it", async () => {
    const idea = await newIdea({ title: "Авито для опта" });

    const res = await h.call("POST", `/api/ideas/${idea.id}/promotion`, promotionBody({ budget: "600 000" }));

    expect(res.status, res.text).toBe(201);
    const { id, title, statement, channel } = idea;
    expect(res.body).toMatchObject({ id, title, statement, channel, stage: "probe", version: 2 });
    // what the promotion added, the budget read from "600 000"
    const { responsible, probe } = promotionBody();
    expect(res.body).toMatchObject({ responsible, probe, budget: "600000.00", targets: { cplMax: "900.00", conversionMin: 0.05 } });
    expect((await h.call("GET", `/api/hypotheses/${idea.id}`)).body).toEqual(res.body);
    expect((await h.call("GET", "/api/hypotheses")).body.items.map((x: any) => x.id)).toContain(idea.id);
    const history = (await h.call("GET", `/api/hypotheses/${idea.id}/history`)).body.items;
    expect(history).toMatchObject([
      { version: 1, type: "created", to: "idea", actor: { role: "marketer", name: "Ольга" } },
      { version: 2, type: "transition", from: "idea", to: "probe", actor: { role: "owner" } },
    ]);
    expect((await h.call("GET", "/api/ideas")).body.items.map((x: any) => x.id)).not.toContain(idea.id);
    expect((await h.call("GET", `/api/ideas/${idea.id}`)).status).toBe(404);
    expect((await h.call("POST", `/api/ideas/${idea.id}/promotion`, promotionBody())).status).toBe(404);
  });

  it("refuses a promotion without the probe's fields, naming each, and leaves the idea in the backlog", async () => {
    const idea = await newIdea();

    const res = await h.call("POST", `/api/ideas/${idea.id}/promotion`, {});
    const badBudget = await h.call("POST", `/api/ideas/${idea.id}/promotion`, promotionBody({ budget: "шестьсот", targets: {} }));

    expect(res.status).toBe(400);
    expect(paths(res).sort()).toEqual(["budget", "probe", "responsible", "targets"]);
    expect(badBudget.status).toBe(400);
    expect(paths(badBudget).sort()).toEqual(["budget", "targets"]);
    expect((await h.call("GET", `/api/ideas/${idea.id}`)).status).toBe(200);
    expect((await h.call("GET", `/api/hypotheses/${idea.id}`)).status).toBe(404);
  });

  it("promotes an idea once when two promotions race", async () => {
    const idea = await newIdea();

    const answers = await Promise.all([1, 2, 3].map(() => h.call("POST", `/api/ideas/${idea.id}/promotion`, promotionBody())));

    expect(answers.filter((res) => res.status === 201)).toHaveLength(1);
    expect(answers.filter((res) => res.status !== 201).every((res) => res.status === 409 || res.status === 404)).toBe(true);
    expect((await h.call("GET", `/api/hypotheses/${idea.id}/history`)).body.items).toHaveLength(2);
  });
});

describe("dropping an idea", () => {
  it("asks for the reason, naming the field, and leaves the idea in the backlog until given one", async () => {
    const idea = await newIdea();

    const none = await h.call("POST", `/api/ideas/${idea.id}/drop`, {}, { key: marketerKey });
    const blank = await h.call("POST", `/api/ideas/${idea.id}/drop`, { reason: "   " }, { key: marketerKey });

    expect(none.status).toBe(400);
    expect(paths(none)).toEqual(["reason"]);
    expect(blank.status).toBe(400);
    expect(paths(blank)).toEqual(["reason"]);
    expect((await h.call("GET", "/api/ideas")).body.items.map((x: any) => x.id)).toContain(idea.id);
    expect((await h.call("GET", `/api/ideas/${idea.id}`)).body.dropped).toBeNull();
  });

  it("takes it off the backlog, keeps it readable with who, when and why, and lists it among the dropped", async () => {
    const idea = await newIdea({ title: "Реклама на радио" });

    const res = await h.call("POST", `/api/ideas/${idea.id}/drop`, { reason: "Оптовики радио не слушают" }, { key: marketerKey });

    expect(res.status, res.text).toBe(200);
    const dropped = { at: expect.any(String), by: { role: "marketer", name: "Ольга" }, reason: "Оптовики радио не слушают" };
    expect(res.body).toMatchObject({ id: idea.id, stage: "idea", title: "Реклама на радио", dropped });
    expect((await h.call("GET", `/api/ideas/${idea.id}`)).body).toEqual(res.body);
    expect((await h.call("GET", "/api/ideas")).body.items.map((x: any) => x.id)).not.toContain(idea.id);
    const droppedList = (await h.call("GET", "/api/ideas?status=dropped")).body.items;
    expect(droppedList.find((x: any) => x.id === idea.id)).toMatchObject({ title: "Реклама на радио", dropped });
  });

  it("refuses to score, promote or drop a dropped idea again, with a code", async () => {
    const idea = await newIdea();
    await h.call("POST", `/api/ideas/${idea.id}/drop`, { reason: "Дорого" });

    const rescore = await h.call("PUT", `/api/ideas/${idea.id}/ice`, { impact: 9, confidence: 9, ease: 9 });
    const promote = await h.call("POST", `/api/ideas/${idea.id}/promotion`, promotionBody());
    const again = await h.call("POST", `/api/ideas/${idea.id}/drop`, { reason: "Ещё раз" });

    for (const refused of [rescore, promote, again]) {
      expect(refused.status, refused.text).toBe(409);
      expect(refused.body.error).toBe("idea_dropped");
    }
    expect((await h.call("GET", `/api/ideas/${idea.id}`)).body).toMatchObject({ ice: { impact: 5, confidence: 4, ease: 3 }, dropped: { reason: "Дорого" }, history: [] });
    expect((await h.call("GET", `/api/hypotheses/${idea.id}`)).status).toBe(404);
  });
});

describe("the re-scoring history", () => {
  it("keeps who, when, the scores before and after and the note of each re-score, with the idea", async () => {
    const idea = await newIdea({ ice: { impact: 5, confidence: 4, ease: 3 } });

    await h.call("PUT", `/api/ideas/${idea.id}/ice`, { impact: 8, confidence: 4, ease: 3, note: "Ozon открыл оптовый раздел" }, { key: marketerKey });
    const second = await h.call("PUT", `/api/ideas/${idea.id}/ice`, { impact: 8, confidence: 6, ease: 2 });
    const unchanged = await h.call("PUT", `/api/ideas/${idea.id}/ice`, { impact: 8, confidence: 6, ease: 2 });

    expect(second.status).toBe(200);
    const history = [
      { version: 2, at: expect.any(String), by: expect.objectContaining({ role: "marketer", name: "Ольга" }), from: { impact: 5, confidence: 4, ease: 3 }, to: { impact: 8, confidence: 4, ease: 3 }, note: "Ozon открыл оптовый раздел" },
      { version: 3, at: expect.any(String), by: expect.objectContaining({ role: "owner" }), from: { impact: 8, confidence: 4, ease: 3 }, to: { impact: 8, confidence: 6, ease: 2 } },
    ];
    expect(second.body.history).toEqual(history);
    expect(second.body.history[1]).not.toHaveProperty("note");
    // The same scores again change nothing and add no entry.
    expect(unchanged.body.history).toEqual(history);
    expect((await h.call("GET", `/api/ideas/${idea.id}`)).body).toMatchObject({ ice: { impact: 8, confidence: 6, ease: 2, score: 96 }, version: 3, history });
  });

  it("loses no re-score when several race: each entry starts from the scores the one before left", async () => {
    const idea = await newIdea({ ice: { impact: 1, confidence: 1, ease: 1 } });

    const answers = await Promise.all([2, 3, 4, 5, 6].map((n) => h.call("PUT", `/api/ideas/${idea.id}/ice`, { impact: n, confidence: n, ease: n })));

    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    const read = (await h.call("GET", `/api/ideas/${idea.id}`)).body;
    expect(read.history.map((entry: any) => entry.version)).toEqual([2, 3, 4, 5, 6]);
    read.history.forEach((entry: any, i: number) => expect(entry.from).toEqual(i === 0 ? { impact: 1, confidence: 1, ease: 1 } : read.history[i - 1].to));
    const { score: _score, ...ice } = read.ice;
    expect(read.history.at(-1).to).toEqual(ice);
  });

  it("refuses a note longer than 500 characters, naming it", async () => {
    const idea = await newIdea();
    const res = await h.call("PUT", `/api/ideas/${idea.id}/ice`, { impact: 2, confidence: 2, ease: 2, note: "я".repeat(501) });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(["note"]);
  });
});
