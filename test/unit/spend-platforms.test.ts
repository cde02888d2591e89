import { describe, expect, it } from "vitest";
import { chooseSpendFormat } from "../../packages/core/src/spend/formats/index.js";
import { decimalKopecks, exportDay, microsKopecks } from "../../packages/core/src/spend/formats/platform-export.js";
import { googleAdsFormat } from "../../packages/core/src/spend/formats/google-ads.js";
import { vkAdsFormat } from "../../packages/core/src/spend/formats/vk-ads.js";
import { yandexDirectFormat } from "../../packages/core/src/spend/formats/yandex-direct.js";
import { spendFixture } from "../fixtures/spend/read.js";

const detected = (text: string, contentType = "text/csv") => chooseSpendFormat({ contentType, text }).name;
const yandexRow = (date: string, id: string | null, name: string | null, costKopecks: number) => ({
  spend: { date, platform: "yandex_direct", platformCampaignId: id, platformCampaignName: name, costKopecks, currency: null },
});

describe("ad platforms' money", () => {
  it("turns micro-units into kopecks exactly, rounding half a kopeck up", () => {
    expect(microsKopecks("1234560000")).toBe(123456);
    expect(microsKopecks("1234565000")).toBe(123457);
    expect(microsKopecks("1234564999")).toBe(123456);
    expect(microsKopecks("987654321")).toBe(98765);
    expect(microsKopecks("5000")).toBe(1);
    expect(microsKopecks("4999")).toBe(0);
    expect(microsKopecks("98765432100000000")).toBe(9876543210000);
  });

  it("reads a blank or '--' cost as no spend and refuses what is not a whole number of micro-units", () => {
    expect(microsKopecks("")).toBe(0);
    expect(microsKopecks("--")).toBe(0);
    expect(microsKopecks("12.50")).toBeNull();
    expect(microsKopecks("-1000000")).toBe(-100);
  });

  it("reads decimals with the file's decimal mark and thousands separators", () => {
    expect(decimalKopecks("1,234.56", ".")).toBe(123456);
    expect(decimalKopecks("15,234.5", ".")).toBe(1523450);
    expect(decimalKopecks("1 234,56", ",")).toBe(123456);
    expect(decimalKopecks("1\u00a0234,56 ₽", ",")).toBe(123456);
    expect(decimalKopecks("1234.56", ",")).toBe(123456);
    expect(decimalKopecks("310", ",")).toBe(31000);
  });

  it("rounds a third decimal half-up and refuses a comma that cannot be a thousands separator", () => {
    expect(decimalKopecks("12.345", ".")).toBe(1235);
    expect(decimalKopecks("12.344", ".")).toBe(1234);
    expect(decimalKopecks("1234,56", ".")).toBeNull();
    expect(decimalKopecks("1,234.56", ",")).toBeNull();
    expect(decimalKopecks("1.234,56", ",")).toBe(123456);
    expect(decimalKopecks("abc", ",")).toBeNull();
  });

  it("reads the days exports write", () => {
    expect(exportDay("2026-03-01")).toBe("2026-03-01");
    expect(exportDay("01.03.2026")).toBe("2026-03-01");
    expect(exportDay("Mar 1, 2026")).toBe("2026-03-01");
    expect(exportDay("March 1, 2026")).toBe("2026-03-01");
    expect(exportDay("30.02.2026")).toBeNull();
    expect(exportDay("Total: Account")).toBeNull();
  });
});

describe("Yandex.Direct Reports API TSV", () => {
  it("reads a report in micro-units with its title and Total rows footer", () => {
    const rows = yandexDirectFormat.parse(spendFixture("yandex-direct-micros.tsv"));
    expect(rows).toEqual([
      { row: 1, ...yandexRow("2026-03-01", "70012345", "Весна_поиск", 123456) },
      { row: 2, ...yandexRow("2026-03-01", "70012399", "Сушилки РСЯ", 45500) },
      { row: 3, ...yandexRow("2026-03-02", "70012345", "Весна_поиск", 123457) },
      { row: 4, ...yandexRow("2026-03-02", "70012399", "Сушилки РСЯ", 0) },
      { row: 5, ...yandexRow("2026-03-03", "70012345", "Весна_поиск", 98765) },
    ]);
  });

  it("reads a report exported with returnMoneyInMicros: false as roubles", () => {
    const rows = yandexDirectFormat.parse(spendFixture("yandex-direct-decimals.tsv"));
    expect(rows).toEqual([
      { row: 1, ...yandexRow("2026-03-01", "70012345", null, 123456) },
      { row: 2, ...yandexRow("2026-03-02", "70012345", null, 9900) },
    ]);
  });

  it("reads a report without its title and footer (skipReportHeader, skipReportSummary)", () => {
    const rows = yandexDirectFormat.parse("CampaignName\tDate\tCost\r\nВесна\t2026-03-01\t2000000\r\n");
    expect(rows).toEqual([{ row: 1, ...yandexRow("2026-03-01", null, "Весна", 200) }]);
  });

  it("asks how the money was exported when whole numbers could be roubles, and obeys the answer", () => {
    const text = "Date\tCampaignId\tCost\n2026-03-01\t1\t150\n2026-03-02\t1\t0\n";
    expect(() => yandexDirectFormat.parse(text)).toThrow(/moneyInMicros/);
    expect(yandexDirectFormat.parse(text, { moneyInMicros: false })[0]).toMatchObject({ spend: { costKopecks: 15000 } });
    expect(yandexDirectFormat.parse(text, { moneyInMicros: true })[0]).toMatchObject({ spend: { costKopecks: 0 } });
  });

  it("refuses a report whose Total rows footer disagrees with its rows (a cut-off download)", () => {
    const text = spendFixture("yandex-direct-micros.tsv").replace("Total rows: 5", "Total rows: 7");
    expect(() => yandexDirectFormat.parse(text)).toThrow(/says it has 7 rows but 5 arrived/);
  });

  it("names the missing Date column of a report not broken down by day", () => {
    expect(() => yandexDirectFormat.parse("CampaignId\tCost\n1\t1000000\n")).toThrow(
      expect.objectContaining({ kind: "invalid", issues: [{ path: "Date", message: "column is missing from the header" }] }),
    );
  });

  it("reports a bad row by its data row number, naming the column as the report does", () => {
    const rows = yandexDirectFormat.parse("Date\tCampaignId\tCampaignName\tCost\n2026-03-01\t--\t--\t1000000\n2026-13-01\t7\tA\t-5000000\n");
    expect(rows).toEqual([
      { row: 1, errors: ["the row names no campaign: its campaign id and name are empty."] },
      { row: 2, errors: ['Date "2026-13-01" is not a day (write 2026-03-01 or 01.03.2026).', "Cost -5000000 is negative; spend cannot be below zero."] },
    ]);
  });
});

describe("Google Ads campaign reports", () => {
  it("reads the UI's CSV download: title lines, thousands separators, currency, and skips Total rows", () => {
    const rows = googleAdsFormat.parse(spendFixture("google-ads-ui.csv"));
    const spend = (date: string, id: string, name: string, costKopecks: number) => ({
      spend: { date, platform: "google_ads", platformCampaignId: id, platformCampaignName: name, costKopecks, currency: "RUB" },
    });
    expect(rows).toEqual([
      { row: 1, ...spend("2026-03-01", "21000111222", "Spring Search", 1523450) },
      { row: 2, ...spend("2026-03-01", "21000333444", "Display Dryers", 210000) },
      { row: 3, ...spend("2026-03-02", "21000111222", "Spring Search", 1487025) },
    ]);
  });

  it("reads the API's GAQL columns with cost_micros", () => {
    const rows = googleAdsFormat.parse(spendFixture("google-ads-gaql.csv"));
    expect(rows).toEqual([
      { row: 1, spend: expect.objectContaining({ date: "2026-03-01", platformCampaignId: "21000111222", costKopecks: 1523450, currency: "RUB" }) },
      { row: 2, spend: expect.objectContaining({ date: "2026-03-02", platformCampaignId: "21000111222", costKopecks: 1487026, currency: "RUB" }) },
    ]);
  });

  it("reads a UI set to Russian, with decimal commas and Итого rows", () => {
    const text = 'Отчет по кампаниям\n"1 мар. 2026 г. - 2 мар. 2026 г."\nДень,Кампания,Код валюты,Стоимость\n2026-03-01,Весна,RUB,"1 234,56"\n"Итого: аккаунт",,RUB,"1 234,56"\n';
    expect(googleAdsFormat.parse(text)).toEqual([
      { row: 1, spend: { date: "2026-03-01", platform: "google_ads", platformCampaignId: null, platformCampaignName: "Весна", costKopecks: 123456, currency: "RUB" } },
    ]);
  });
});

describe("VK Ads statistics exports", () => {
  it("reads the cabinet's campaign statistics by day with decimal commas, skipping Итого", () => {
    const rows = vkAdsFormat.parse(spendFixture("vk-ads-campaigns.csv"));
    const spend = (date: string, id: string, name: string, costKopecks: number) => ({
      spend: { date, platform: "vk_ads", platformCampaignId: id, platformCampaignName: name, costKopecks, currency: null },
    });
    expect(rows).toEqual([
      { row: 1, ...spend("2026-03-01", "11223344", "Весна B2B", 123456) },
      { row: 2, ...spend("2026-03-01", "11229900", "Ретаргет сушилки", 31000) },
      { row: 3, ...spend("2026-03-02", "11223344", "Весна B2B", 140210) },
    ]);
  });

  it("takes Кампания and Расход columns, ISO days and a comma separator", () => {
    const rows = vkAdsFormat.parse('Дата,Кампания,"Расход, ₽"\n2026-03-01,Весна,"12,50"\n');
    expect(rows).toEqual([
      { row: 1, spend: { date: "2026-03-01", platform: "vk_ads", platformCampaignId: null, platformCampaignName: "Весна", costKopecks: 1250, currency: null } },
    ]);
  });
});

describe("recognising a spend body", () => {
  it("tells each platform's export from the others and from our own CSV and JSON", () => {
    expect(detected(spendFixture("yandex-direct-micros.tsv"), "text/tab-separated-values")).toBe("yandex_direct");
    expect(detected(spendFixture("yandex-direct-decimals.tsv"), "text/plain")).toBe("yandex_direct");
    expect(detected(spendFixture("google-ads-ui.csv"))).toBe("google_ads");
    expect(detected(spendFixture("google-ads-gaql.csv"))).toBe("google_ads");
    expect(detected(spendFixture("vk-ads-campaigns.csv"))).toBe("vk_ads");
    expect(detected("date,utm_source,utm_campaign,cost\n2026-03-01,vk,a,1\n")).toBe("csv");
    expect(detected('{"rows":[]}', "application/json")).toBe("json");
  });

  it("takes a platform named by ?format= and refuses a body that is not its export", () => {
    expect(chooseSpendFormat({ contentType: "text/csv", text: "" }, "vk_ads").name).toBe("vk_ads");
    expect(() => vkAdsFormat.parse("date,utm_source,utm_campaign,cost\n")).toThrow(/no VK Ads statistics header/);
    expect(() => googleAdsFormat.parse("hello\n")).toThrow(/no Google Ads report header/);
  });
});
