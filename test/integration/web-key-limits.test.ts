import { beforeAll, describe, expect, it } from "vitest";
import { OWNER_KEY } from "../support/harness.js";
import { createSource, postHook } from "../support/intake.js";
import { Browser, createWebHarness, type WebHarness } from "../support/web.js";

let h: WebHarness;
let owner: Browser;
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-03-02T09:00:00Z" });
  owner = h.browser({ acceptLanguage: "ru" });
  await owner.signIn(OWNER_KEY);
});

describe("pages with an id too long for a key", () => {
  it("answer with the not-found page in Russian instead of an error", async () => {
    const long = "0".repeat(3000);
    for (const path of [`/leads/${long}`, `/hypotheses/${long}`, `/reconciliation/${long}`, `/contractors/${long}/report`]) {
      const page = await owner.get(path);
      expect(page.status, path.slice(0, 30)).toBe(404);
      expect(page.html).toContain("Не найдено: такой страницы или записи нет.");
    }
  });
});

describe("the quarantine page", () => {
  it("says in Russian how many events a refused amoCRM call carried and how many are taken", async () => {
    const amo = await createSource(h, "amocrm");
    const fields = new URLSearchParams();
    for (let i = 0; i < 260; i++) fields.set(`leads[add][${i}][id]`, String(9_000_000 + i));
    expect((await postHook(h, amo.key, { contentType: "application/x-www-form-urlencoded", text: fields.toString() })).status).toBe(413);

    const page = await owner.get("/quarantine");
    expect(page.html).toContain("Событий в вызове: 260, а за один вызов принимается не больше 250.");
    expect(page.html).not.toContain("too_many_leads");
  });
});
