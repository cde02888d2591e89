import { beforeAll, describe, expect, it } from "vitest";
import { ARRIVAL, arrive, NOW } from "../support/discipline.js";
import { OWNER_KEY } from "../support/harness.js";
import { createSource } from "../support/intake.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  await arrive(h, await createSource(h, "json"), ARRIVAL);
});

describe("the access log's exports in Russian", () => {
  it("names the owner and the export's filters in words, not codes", async () => {
    const owner = h.browser({ acceptLanguage: "ru" });
    await owner.signIn(OWNER_KEY);
    expect((await owner.get("/leads/export?format=csv&stage=won&from=2026-03-01")).status).toBe(200);

    const text = textOf((await owner.get("/access-log")).html);

    expect(text).toContain("владелец CSV этап: Сделка, с: 1 мар. 2026 г. 0");
    expect(text).not.toMatch(/stage=|\bowner\b/);
  });
});
