import { describe, expect, it } from "vitest";
import { decodeFormComponent, decodeIfEncoded, decodePercent, parseFormPairs } from "../../packages/core/src/intake/form-encoding.js";
import { extractUtm, trackingFromFields, trackingFromTildaCookies, trackingFromUrl } from "../../packages/core/src/intake/utm.js";

const SUMKI = "%D1%81%D1%83%D0%BC%D0%BA%D0%B8";

describe("decoding", () => {
  it("decodes Cyrillic UTF-8 escapes", () => {
    expect(decodePercent(SUMKI)).toBe("сумки");
  });

  it("keeps a bad escape as written instead of throwing", () => {
    expect(decodePercent("%E0%A4%A")).toBe("%E0%A4%A");
    expect(decodePercent("100%")).toBe("100%");
    expect(decodePercent("%zz")).toBe("%zz");
    expect(decodePercent(`${SUMKI}+%FF`)).toBe("сумки+%FF");
  });

  it("reads + as a space in form components, but %2B as a plus", () => {
    expect(decodeFormComponent("c%2B%2B+курсы")).toBe("c++ курсы");
  });

  it("decodes a field value only when it still carries escapes", () => {
    expect(decodeIfEncoded(`${SUMKI}+%D0%BA%D0%BE%D0%B6%D0%B0%D0%BD%D1%8B%D0%B5`)).toBe("сумки кожаные");
    expect(decodeIfEncoded("c++ курсы")).toBe("c++ курсы");
  });

  it("keeps form pairs in order with duplicates and empty values", () => {
    expect(parseFormPairs("a=1&&b=&c&a=2&=x")).toEqual([
      ["a", "1"],
      ["b", ""],
      ["c", ""],
      ["a", "2"],
      ["", "x"],
    ]);
  });

  it("splits a pair at its first = only", () => {
    expect(parseFormPairs("url=https%3A%2F%2Fa.ru%2F%3Fx%3D1&q=a=b")).toEqual([
      ["url", "https://a.ru/?x=1"],
      ["q", "a=b"],
    ]);
  });
});

describe("trackingFromUrl", () => {
  it("reads UTMs and click ids from a landing page URL", () => {
    const url = `https://shop.ru/sale?utm_source=yandex&utm_medium=cpc&utm_campaign=spring&utm_content=ad_1&utm_term=${SUMKI}+%D0%BA%D0%BE%D0%B6%D0%B0%D0%BD%D1%8B%D0%B5&yclid=123&gclid=abc&page=2#form`;
    expect(trackingFromUrl(url)).toEqual({
      utm_source: "yandex",
      utm_medium: "cpc",
      utm_campaign: "spring",
      utm_content: "ad_1",
      utm_term: "сумки кожаные",
      yclid: "123",
      gclid: "abc",
    });
  });

  it("matches parameter names in any case and takes the first filled duplicate", () => {
    expect(trackingFromUrl("https://shop.ru/?UTM_Source=&UTM_Source=VK&utm_source=other")).toEqual({ utm_source: "VK" });
  });

  it("ignores the fragment and URLs without a query", () => {
    expect(trackingFromUrl("https://shop.ru/#utm_source=vk")).toEqual({});
    expect(trackingFromUrl("https://shop.ru/?a=1#utm_source=vk")).toEqual({});
    expect(trackingFromUrl(null)).toEqual({});
  });

  it("reads what it can from a malformed URL", () => {
    expect(trackingFromUrl("htp:/ /shop ru?utm_source=vk&utm_term=%E0%A4%A&&=&utm_medium")).toEqual({
      utm_source: "vk",
      utm_term: "%E0%A4%A",
    });
    expect(trackingFromUrl("?utm_campaign=a%zzb")).toEqual({ utm_campaign: "a%zzb" });
  });
});

describe("trackingFromTildaCookies", () => {
  const tildautm = (raw: string) => `TILDAUTM=${encodeURIComponent(raw)}`;

  it("reads Tilda's TILDAUTM cookie among the others", () => {
    const cookies = [
      "_ym_uid=1714567890123456789",
      tildautm(`utm_source=vk|||utm_medium=cpc|||utm_campaign=retarget|||utm_term=${SUMKI.toLowerCase()}+%d0%bd%d0%b0|||`),
      "tildauid=1714567890123.456789",
    ].join("; ");
    expect(trackingFromTildaCookies(cookies)).toEqual({
      utm_source: "vk",
      utm_medium: "cpc",
      utm_campaign: "retarget",
      utm_term: "сумки на",
    });
  });

  it("also reads a TILDAUTM value that was never encoded", () => {
    expect(trackingFromTildaCookies("TILDAUTM=utm_source=vk|||utm_medium=cpc")).toEqual({ utm_source: "vk", utm_medium: "cpc" });
  });

  it("finds nothing without the cookie, and survives junk", () => {
    expect(trackingFromTildaCookies("_ym_uid=1; tildauid=2")).toEqual({});
    expect(trackingFromTildaCookies("TILDAUTM=%E0%A4%A|||=|||utm_source")).toEqual({});
    expect(trackingFromTildaCookies(";;;=;TILDAUTM")).toEqual({});
    expect(trackingFromTildaCookies(null)).toEqual({});
  });
});

describe("extractUtm", () => {
  it("takes each label from the first place that has it", () => {
    const explicit = { utm_source: "yandex", utm_medium: "" };
    const landing = { utm_source: "ignored", utm_medium: "cpc", utm_campaign: "spring" };
    const referrer = { utm_campaign: "ignored", utm_content: "ad_7", gclid: "g-1" };
    const cookie = { utm_term: "сумки", utm_content: "ignored", yclid: "y-1" };
    expect(extractUtm([explicit, landing, referrer, cookie])).toEqual({
      utm: { source: "yandex", medium: "cpc", campaign: "spring", content: "ad_7", term: "сумки" },
      clickIds: { yclid: "y-1", gclid: "g-1" },
    });
  });

  it("trims values, treats blanks as missing and keeps the sender's case", () => {
    expect(extractUtm([{ utm_source: "   " }, { utm_source: "  Yandex Direct  ", utm_campaign: " Spring_SALE " }])).toEqual({
      utm: { source: "Yandex Direct", medium: null, campaign: "Spring_SALE", content: null, term: null },
      clickIds: {},
    });
  });

  it("gives nulls and no click ids when nothing is found", () => {
    expect(extractUtm([])).toEqual({
      utm: { source: null, medium: null, campaign: null, content: null, term: null },
      clickIds: {},
    });
  });
});

describe("trackingFromFields", () => {
  it("asks for each label and decodes values copied raw from a URL", () => {
    const fields: Record<string, string> = { utm_source: "vk", utm_term: `${SUMKI}+%D0%BA%D0%BE%D0%B6%D0%B0%D0%BD%D1%8B%D0%B5`, gclid: "g-1" };
    expect(trackingFromFields((param) => fields[param] ?? null)).toEqual({ utm_source: "vk", utm_term: "сумки кожаные", gclid: "g-1" });
  });
});
