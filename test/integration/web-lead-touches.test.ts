import { beforeAll, describe, expect, it } from "vitest";
import { uniquePhone } from "../support/discipline.js";
import { OWNER_KEY } from "../support/harness.js";
import { createCampaign, postHook, token } from "../support/intake.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
beforeAll(async () => {
  h = await createWebHarness({ now: "2026-03-02T09:00:00Z" });
});

/** One person through a form without UTMs, then a landing page's form tagged with a campaign: one lead. */
async function personFromTwoSources() {
  const site = (await h.call("POST", "/api/sources", { name: "Сайт, форма обратного звонка", format: "json" })).body as { key: string };
  const landing = (await h.call("POST", "/api/sources", { name: "Лендинг сумок", format: "json" })).body as { key: string };
  const utmCampaign = `bags_${token()}`;
  const { hypothesisId } = await createCampaign(h, "yandex", utmCampaign);
  const phone = uniquePhone();
  const send = (key: string, body: object) => postHook(h, key, { contentType: "application/json", text: JSON.stringify({ phone, ...body }) });
  const first = await send(site.key, { externalId: "call-1" });
  h.setNow("2026-03-02T10:30:00Z");
  await send(landing.key, { externalId: "form-77", utm_source: "yandex", utm_campaign: utmCampaign });
  h.setNow("2026-03-02T09:00:00Z");
  const title = (await h.call("GET", `/api/hypotheses/${hypothesisId}`)).body.title as string;
  return { id: first.body.leads[0].id as string, utmCampaign, title };
}

describe("the lead page's sources and touches", () => {
  it("shows in English every source that delivered the person, each touch with its id, labels and campaign", async () => {
    const { id, utmCampaign, title } = await personFromTwoSources();
    const owner = h.browser({ acceptLanguage: "en" });
    await owner.signIn(OWNER_KEY);
    const text = textOf((await owner.get(`/leads/${id}`)).html);

    expect(text).toContain("Sources and touches This person came through 2 sources: one lead, counted once; the first touch with a campaign gives the attribution.");
    expect(text).toContain("2 Mar 2026, 12:00 Сайт, форма обратного звонка call-1 — / — / — no campaign");
    expect(text).toContain(`2 Mar 2026, 13:30 Лендинг сумок form-77 Yandex / — / ${utmCampaign} ${title}`);
  });

  it("shows them in Russian with no English words", async () => {
    const { id } = await personFromTwoSources();
    const owner = h.browser({ acceptLanguage: "ru" });
    await owner.signIn(OWNER_KEY);
    const text = textOf((await owner.get(`/leads/${id}`)).html);

    expect(text).toContain("Источники и касания Этот человек пришёл из 2 источников: один лид, посчитан один раз; атрибуцию даёт первое касание с кампанией.");
    expect(text).toContain("Пришёл Источник Номер в источнике UTM Кампания");
    expect(text).toContain("без кампании");
    expect(text).not.toMatch(/no campaign|Sources and touches/);
  });
});
