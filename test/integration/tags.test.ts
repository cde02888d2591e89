import { beforeAll, describe, expect, it } from "vitest";
import { ARRIVAL, arrive, leadDesk } from "../support/discipline.js";
import type { Harness } from "../support/harness.js";
import { createCampaign, token } from "../support/intake.js";

let h: Harness;
let source: { key: string; id: string };

beforeAll(async () => {
  ({ h, source } = await leadDesk());
});

const putTags = (id: string, body: unknown) => h.call("PUT", `/api/leads/${id}/tags`, body);
const paths = (res: { body: any }) => res.body.issues.map((i: any) => i.path).sort();

describe("tags on a lead", () => {
  it("records who the client is and shows it on the lead", async () => {
    const id = await arrive(h, source, ARRIVAL);

    const res = await putTags(id, { clientType: "business_owner", city: "  Нижний Новгород ", storeCount: 3, storeType: "магазин у дома" });

    expect(res.status).toBe(200);
    expect(res.body.tags).toEqual({ clientType: "business_owner", city: "Нижний Новгород", storeCount: 3, storeType: "магазин у дома" });
    expect((await h.call("GET", `/api/leads/${id}`)).body.tags).toEqual(res.body.tags);
  });

  it("replaces the whole set: a tag left out is cleared, and zero stores is a real answer", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await putTags(id, { clientType: "retail", city: "Тула" });

    const res = await putTags(id, { clientType: "buyer", storeCount: 0 });

    expect(res.body.tags).toEqual({ clientType: "buyer", city: null, storeCount: 0, storeType: null });
  });

  it("refuses tags that are not in the list, naming each field", async () => {
    const id = await arrive(h, source, ARRIVAL);
    await putTags(id, { city: "Тула" });

    const bad = await putTags(id, { clientType: "wholesaler", city: "   ", storeCount: 1.5, storeType: "", rating: 5 });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(["city", "clientType", "rating", "storeCount", "storeType"]);
    expect(paths(await putTags(id, { storeCount: -1 }))).toEqual(["storeCount"]);
    expect(paths(await putTags(id, { storeCount: "3" }))).toEqual(["storeCount"]);
    expect((await h.call("GET", `/api/leads/${id}`)).body.tags.city).toBe("Тула");
    expect((await putTags("01NOSUCHLEAD", { city: "Тула" })).status).toBe(404);
  });
});

describe("required tags", () => {
  it("lets a source and a hypothesis each require tags from a stage on", async () => {
    const { hypothesisId } = await createCampaign(h, "yandex", token());

    const bySource = await h.call("PUT", `/api/sources/${source.id}/required-tags`, { fromStage: "qualified", tags: ["clientType", "city"] });
    const byHypothesis = await h.call("PUT", `/api/hypotheses/${hypothesisId}/required-tags`, { fromStage: "contacted", tags: ["storeCount"] });

    expect(bySource.status).toBe(200);
    expect(bySource.body).toMatchObject({ owner: { kind: "source", id: source.id }, fromStage: "qualified", tags: ["clientType", "city"] });
    expect(byHypothesis.body).toMatchObject({ owner: { kind: "hypothesis", id: hypothesisId }, fromStage: "contacted", tags: ["storeCount"] });
    expect((await h.call("GET", `/api/sources/${source.id}/required-tags`)).body).toMatchObject({ fromStage: "qualified", tags: ["clientType", "city"] });
    expect((await h.call("GET", `/api/hypotheses/${hypothesisId}/required-tags`)).body).toMatchObject({ tags: ["storeCount"] });
    // An empty list drops the requirement.
    await h.call("PUT", `/api/sources/${source.id}/required-tags`, { fromStage: "new", tags: [] });
    expect((await h.call("GET", `/api/sources/${source.id}/required-tags`)).body.tags).toEqual([]);
  });

  it("refuses unknown stages and tags, repeats, and owners that do not exist", async () => {
    const { hypothesisId } = await createCampaign(h, "yandex", token());
    const put = (body: unknown) => h.call("PUT", `/api/hypotheses/${hypothesisId}/required-tags`, body);

    expect(paths(await put({ fromStage: "lost", tags: ["city"] }))).toEqual(["fromStage"]);
    expect(paths(await put({ fromStage: "qualified", tags: ["city", "inn"] }))).toEqual(["tags.1"]);
    expect(paths(await put({ fromStage: "qualified", tags: ["city", "city"] }))).toEqual(["tags"]);
    expect(paths(await put({ tags: ["city"] }))).toEqual(["fromStage"]);
    expect((await h.call("PUT", "/api/hypotheses/01NOSUCHHYP/required-tags", { fromStage: "new", tags: ["city"] })).status).toBe(404);
    expect((await h.call("PUT", "/api/sources/01NOSUCHSOURCE/required-tags", { fromStage: "new", tags: ["city"] })).status).toBe(404);
  });

  it("is set by the owner and marketers only", async () => {
    const { hypothesisId } = await createCampaign(h, "yandex", token());
    const contractor = await h.call("POST", "/api/contractors", { name: `Агентство ${token()}` });
    const key = (await h.call("POST", "/api/keys", { role: "contractor", contractorId: contractor.body.id })).body.key;
    const marketer = (await h.call("POST", "/api/keys", { role: "marketer" })).body.key;
    const body = { fromStage: "qualified", tags: ["city"] };

    expect((await h.call("PUT", `/api/hypotheses/${hypothesisId}/required-tags`, body, { key })).status).toBe(403);
    expect((await h.call("PUT", `/api/leads/01ANY/tags`, { city: "Тула" }, { key })).status).toBe(403);
    expect((await h.call("PUT", `/api/hypotheses/${hypothesisId}/required-tags`, body, { key: marketer })).status).toBe(200);
    // The required-tags sub-app sits beside the plain hypothesis routes without taking them over.
    expect((await h.call("GET", `/api/hypotheses/${hypothesisId}`, undefined, { key: marketer })).status).toBe(200);
  });
});
