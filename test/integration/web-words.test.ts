import { beforeAll, describe, expect, it } from "vitest";
import { arrive, NOW } from "../support/discipline.js";
import { OWNER_KEY } from "../support/harness.js";
import { createSource } from "../support/intake.js";
import { type Browser, createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let source: { key: string; id: string };
let ru: Browser;

beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  source = await createSource(h, "json");
  ru = h.browser({ acceptLanguage: "ru" });
  await ru.signIn(OWNER_KEY);
});

describe("codes the domain keeps, in the Russian page's words", () => {
  it("names a lead's utm source by its platform and its lost reason in words, never the code", async () => {
    const id = await arrive(h, source, "2026-03-02T08:00:00+03:00", {
      utm: { utm_source: "yandex_direct", utm_campaign: "spring" },
      stages: [{ stage: "lost", lostReason: "no_contact" }],
    });

    const text = textOf((await ru.get(`/leads/${id}`)).html);

    expect(text).toContain("UTM Яндекс Директ / — / spring");
    expect(text).toContain("не дозвонились (пять попыток)");
    expect(text).not.toContain("yandex_direct");
    expect(text).not.toContain("no_contact");
  });

  it("says an amoCRM status kept as a lost reason as such, and shows an unknown source as it was typed", async () => {
    const id = await arrive(h, source, "2026-03-02T08:00:00+03:00", {
      utm: { utm_source: "partner-site", utm_campaign: "spring" },
      stages: [{ stage: "lost", lostReason: "crm_status_143" }],
    });

    const text = textOf((await ru.get(`/leads/${id}`)).html);

    expect(text).toContain("статус amoCRM 143");
    expect(text).toContain("partner-site /");
    expect(text).not.toContain("crm_status");
  });

  it("lists leads with the platform's name", async () => {
    await arrive(h, source, "2026-03-02T08:00:00+03:00", { utm: { utm_source: "vk", utm_campaign: "autumn" } });

    const text = textOf((await ru.get("/leads")).html);

    expect(text).toContain("ВКонтакте / autumn");
  });
});
