import { beforeAll, describe, expect, it } from "vitest";
import { OWNER_KEY } from "../support/harness.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

let h: WebHarness;
beforeAll(async () => {
  h = await createWebHarness();
});

/** Where a browser would go on this Location, resolved against this site. */
const destination = (location: string | null) => new URL(location!.replace(/[\t\n\r]/g, ""), "http://localhost/");

describe("redirect targets stay on this site", () => {
  it("never sends the language switch's browser to another site", async () => {
    const attempts = ["/%09/evil.example/phish", "//evil.example/", "/\\evil.example/", "https://evil.example/", "/%5Cevil.example/", "/%2F%2Fevil.example", "javascript:alert(1)", "evil.example"];
    for (const back of attempts) {
      const page = await h.browser().get(`/lang/en?back=${back}`);
      expect(page.status === 303 || page.status === 400, back).toBe(true);
      if (page.status === 303) expect(destination(page.location).origin, back).toBe("http://localhost");
      if (page.status === 303) expect(page.location, back).toBe("/");
    }
  });

  it("refuses a control character in back, as sent or percent-encoded, with 400 and a page that says why", async () => {
    for (const back of ["/%0A/x", "/%09/evil.example/phish", "/%0D%0ASet-Cookie:x=1", "/%7F", "/%250A/x"]) {
      const page = await h.browser({ acceptLanguage: "en" }).get(`/lang/en?back=${back}`);
      expect(page.status, back).toBe(400);
      expect(page.location, back).toBeNull();
      expect(textOf(page.html), back).toContain("The link's return address holds a control character");
    }
    const ru = await h.browser({ acceptLanguage: "ru" }).get("/lang/ru?back=/%0A/x");
    expect(textOf(ru.html)).toContain("Адрес возврата в ссылке содержит управляющий символ");
  });

  it("still returns to the page the switch was clicked on", async () => {
    const page = await h.browser().get(`/lang/en?back=${encodeURIComponent("/leads?stage=won&utm_source=яндекс")}`);

    expect(page.status).toBe(303);
    expect(destination(page.location).pathname + destination(page.location).search).toBe("/leads?stage=won&utm_source=%D1%8F%D0%BD%D0%B4%D0%B5%D0%BA%D1%81");
  });

  it("applies the same rule to sign-in's next", async () => {
    expect((await h.browser().signIn(OWNER_KEY, "/sources?x=1")).location).toBe("/sources?x=1");
    expect((await h.browser().signIn(OWNER_KEY, "/\t/evil.example/")).status).toBe(400);
    expect((await h.browser().signIn(OWNER_KEY, "/%09/evil.example/")).status).toBe(400);
    expect((await h.browser().get("/?next=/%0A/x")).status).toBe(400);
    expect((await h.browser().signIn(OWNER_KEY, "/\\evil.example/")).location).toBe("/");
  });
});
