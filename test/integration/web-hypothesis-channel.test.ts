import { beforeAll, describe, expect, it } from "vitest";
import { hypothesisForm } from "../support/decisions.js";
import { OWNER_KEY } from "../support/harness.js";
import { Browser, ownerSignedIn, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
let owner: Browser;
let ru: Browser;
beforeAll(async () => {
  ({ h, owner } = await ownerSignedIn());
  ru = h.browser({ acceptLanguage: "ru" });
  await ru.signIn(OWNER_KEY);
});


/** The labels of the channel select's options, in order. */
const channelOptions = (html: string) => [...(/<select[^>]*name="channel"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "").matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);

describe("the new-hypothesis form's channel", () => {
  it("is chosen from channels named in words in Russian, starting on no channel and ending in 'другой канал…'", async () => {
    const page = await ru.get("/hypotheses/new");

    const options = channelOptions(page.html);
    expect(options[0]).toBe("— выберите канал —");
    expect(options).toEqual(expect.arrayContaining(["Яндекс Директ", "VK Реклама", "холодные звонки"]));
    expect(options.at(-1)).toBe("другой канал…");
    expect(options.join(" ")).not.toMatch(/_/);
    expect(textOf(page.html)).toContain("Другой канал");
  });

  it("stores the chosen channel's code and the page names it", async () => {
    const blank = await ru.get("/hypotheses/new");
    expect(blank.html).toMatch(/<option value="yandex_direct"[^>]*>Яндекс Директ<\/option>/);

    const created = await ru.post("/hypotheses", hypothesisForm({ channel: "yandex_direct", channelTyped: "" }));

    expect(created.status, created.html).toBe(303);
    const id = created.location!.split("/").at(-1)!.split("?")[0]!;
    const page = await ru.get(created.location!);
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body.channel).toBe("yandex_direct");
    expect(textOf(page.html)).toContain("Яндекс Директ");
    expect(textOf(page.html)).not.toContain("yandex_direct");
  });

  it("keeps a channel typed under 'другой канал…' as typed", async () => {
    await ru.get("/hypotheses/new");

    const created = await ru.post("/hypotheses", hypothesisForm({ channel: "*", channelTyped: "  выставка «Текстильлегпром» " }));

    expect(created.status, created.html).toBe(303);
    const id = created.location!.split("/").at(-1)!.split("?")[0]!;
    expect((await h.call("GET", `/api/hypotheses/${id}`)).body.channel).toBe("выставка «Текстильлегпром»");
    expect(textOf((await ru.get(created.location!)).html)).toContain("выставка «Текстильлегпром»");
  });

  it("refuses 'другой канал…' with nothing typed, and text typed beside a listed channel, at the typed field", async () => {
    await ru.get("/hypotheses/new");

    const nothing = await ru.post("/hypotheses", hypothesisForm({ channel: "*", channelTyped: " " }));
    const both = await ru.post("/hypotheses", hypothesisForm({ channel: "vk_ads", channelTyped: "Ozon" }));

    expect(nothing.status).toBe(400);
    expect(nothing.html).toMatch(/id="f-channelTyped"[^>]*aria-invalid="true"/);
    expect(textOf(nothing.html)).toContain("Другой канал: впишите канал или выберите его из списка");
    expect(both.status).toBe(400);
    expect(textOf(both.html)).toContain("выберите «другой канал…» или очистите это поле");
    expect(both.html).toMatch(/<option value="vk_ads" selected/);
    expect(both.html).toMatch(/name="channelTyped"[^>]*value="Ozon"/);
  });

  it("refuses no channel at all in words at the select, which kept its 'выберите канал'", async () => {
    await ru.get("/hypotheses/new");

    const none = await ru.post("/hypotheses", hypothesisForm({ channel: "", channelTyped: "" }));

    expect(none.status).toBe(400);
    expect(none.html).toMatch(/id="f-channel"[^>]*aria-invalid="true"/);
    expect(none.html).toMatch(/<option value="" selected[^>]*>— выберите канал —/);
    expect(textOf(none.html)).toContain("Канал: обязательное поле");
  });

  it("names the channels in English on the English page", async () => {
    const page = await owner.get("/hypotheses/new");

    const options = channelOptions(page.html);
    expect(options[0]).toBe("— choose a channel —");
    expect(options).toEqual(expect.arrayContaining(["Yandex Direct", "VK Ads", "cold calls"]));
    expect(options.at(-1)).toBe("another channel…");
    expect(options.join(" ")).not.toMatch(/[а-яё]/i);
  });
});
