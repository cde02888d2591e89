import { describe, expect, it } from "vitest";
import { decodeBracketFields } from "../../packages/core/src/intake/bracket-fields.js";
import { parseFormPairs } from "../../packages/core/src/intake/form-encoding.js";
import { decodeText } from "../../packages/core/src/text/charset.js";
import { normalizePhone } from "../../packages/core/src/intake/phone.js";
import { trackingFromTildaCookies, trackingFromUrl } from "../../packages/core/src/intake/utm.js";
import { parseAccountingFile } from "../../packages/core/src/reconciliation/accounting-file.js";
import { readAmount, readEmail, readPhone } from "../../packages/core/src/reconciliation/accounting-values.js";
import { parseDelimited } from "../../packages/core/src/spend/formats/delimited.js";
import { spendFormats } from "../../packages/core/src/spend/formats/index.js";

/**
 * Every parser of user data is linear: a pathological 1 MB input takes about as long as a normal one
 * of the same size. A backtracking pattern is quadratic or worse there (the old e-mail pattern took
 * about 7 s on 100 KB), thousands of times slower, so a ratio under 20 leaves room for a noisy machine.
 */
const SIZE = 1 << 20;
const RATIO = 20;
const fill = (unit: string, size = SIZE) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** The fastest of three runs, in ms: the parser's own time, least disturbed by the machine. */
function fastest(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    try {
      run();
    } catch {
      // A refusal is an answer too; only its time matters here.
    }
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const format = (name: string) => spendFormats.find((f) => f.name === name)!;
const utf8 = (text: string) => new TextEncoder().encode(text);
const accountingFile = (cell: string) => utf8(`Клиент;ИНН;Сумма;Дата;E-mail\nООО Ромашка;7707083893;1000,00;01.03.2026;${cell}\n`);

const cyrillic = utf8(fill("Иван "));
/** Valid UTF-8 but for its last bytes: the refusal looks for the invalid byte. */
const brokenAtEnd = cyrillic.map((byte, index) => (index === cyrillic.length - 2 ? 0xff : byte));

type Case = { parser: string; normal: () => unknown; pathological: () => unknown };
const cases: Case[] = [
  { parser: "reconciliation e-mail", normal: () => readEmail(fill("ivanov ")), pathological: () => readEmail(`x@${fill(".")}@`) },
  { parser: "reconciliation file", normal: () => parseAccountingFile(accountingFile(fill("ivanov "))), pathological: () => parseAccountingFile(accountingFile(`x@${fill(".")}@`)) },
  { parser: "reconciliation amount", normal: () => readAmount(fill("1")), pathological: () => readAmount(`1${fill(" 000")},5,`) },
  { parser: "reconciliation phone", normal: () => readPhone(fill("12-34, ")), pathological: () => readPhone(fill("доб.(")) },
  { parser: "phone", normal: () => normalizePhone(fill("9")), pathological: () => normalizePhone(`+${fill("(-. ")}x`) },
  { parser: "CSV", normal: () => parseDelimited(fill("2026-03-01,vk,spring,1000\n"), ","), pathological: () => parseDelimited(`${fill(" ", SIZE / 2)}a${fill('"', SIZE / 2)}`, ",") },
  { parser: "spend CSV", normal: () => format("csv").parse(`date,utm_source,utm_campaign,cost\n${fill("2026-03-01,vk,spring,1000\n")}`), pathological: () => format("csv").parse(`date,utm_source,utm_campaign,cost\n2026-03-01,vk,spring,${fill(" ")}x\n`) },
  { parser: "Google Ads export", normal: () => format("google_ads").parse(`Day,Campaign,Cost\n${fill("2026-03-01,spring,1000\n")}`), pathological: () => format("google_ads").parse(`Day,Campaign,Cost\n2026-03-01,spring,${fill(" ")}x\n`) },
  { parser: "VK Ads export", normal: () => format("vk_ads").parse(`Дата;Кампания;Потрачено\n${fill("01.03.2026;spring;1000\n")}`), pathological: () => format("vk_ads").parse(`Дата;Кампания;Потрачено\n01.03.2026;spring;${fill("- ")}x\n`) },
  { parser: "Yandex.Direct report", normal: () => format("yandex_direct").parse(`Date\tCampaignName\tCost\n${fill("2026-03-01\tspring\t1000000\n")}`), pathological: () => format("yandex_direct").parse(`Date\tCampaignName\tCost\n${fill("\t")}x\n`) },
  { parser: "URL and UTM", normal: () => trackingFromUrl(`https://a.ru/?${fill("utm_source=vk&")}`), pathological: () => trackingFromUrl(`https://a.ru/?${fill("%E&=")}`) },
  { parser: "Tilda UTM cookie", normal: () => trackingFromTildaCookies(`TILDAUTM=${fill("utm_source%3Dvk%7C%7C%7C")}`), pathological: () => trackingFromTildaCookies(`TILDAUTM=${fill("%|||=%2")}`) },
  { parser: "form encoding", normal: () => parseFormPairs(fill("name=ivan&")), pathological: () => parseFormPairs(fill("%%4&=")) },
  { parser: "windows-1251 form", normal: () => parseFormPairs(fill("name=ivan&"), "windows-1251"), pathological: () => parseFormPairs(fill("%C8%%4&="), "windows-1251") },
  { parser: "charset decoding", normal: () => decodeText(cyrillic, null), pathological: () => decodeText(brokenAtEnd, null) },
  { parser: "amoCRM bracket fields", normal: () => decodeBracketFields(Array.from({ length: SIZE / 32 }, (_, i) => [`leads[add][${i}][name]`, "Иван Петров"] as const)), pathological: () => decodeBracketFields([[`a${fill("[b]")}x`, "v"], [fill("[["), "v"]]) },
];

describe("parsers of user data", () => {
  it.each(cases)("$parser: a pathological 1 MB input takes about as long as a normal one", { timeout: 120_000 }, ({ parser, normal, pathological }) => {
    const base = fastest(normal);
    const worst = fastest(pathological);
    console.log(`${parser}: normal ${base.toFixed(1)} ms, pathological ${worst.toFixed(1)} ms, ratio ${(worst / Math.max(base, 0.1)).toFixed(1)}`);
    // A floor of 5 ms keeps a parser that answers a normal megabyte in microseconds from failing on noise.
    expect(worst).toBeLessThan(RATIO * Math.max(base, 5));
  });
});
