import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAccountingFile, type AccountingRow } from "../../packages/core/src/reconciliation/accounting-file.js";
import { toKopecks } from "../../packages/core/src/money.js";
import { normalizeCompanyName } from "../../packages/core/src/reconciliation/company-name.js";
import { reconcile, type WonLead } from "../../packages/core/src/reconciliation/match.js";

let nextLine = 2;
const row = (fields: Partial<AccountingRow> & { client: string }): AccountingRow => ({
  line: nextLine++,
  inn: null,
  phone: null,
  email: null,
  date: "2026-03-02",
  amountKopecks: 100_000,
  ...fields,
});
let nextLead = 1;
const lead = (fields: Partial<WonLead> = {}): WonLead => ({
  leadId: `lead-${nextLead++}`,
  amountKopecks: 100_000,
  phone: null,
  email: null,
  company: null,
  ...fields,
});

describe("company names", () => {
  it.each([
    ['ООО "Вектор-Плюс"', "Вектор Плюс, ООО"],
    ["ООО «Тёплый край»", "теплый край"],
    ["Общество с ограниченной ответственностью 'Ромашка'", "ромашка ооо"],
    ["ИП Петров Алексей Викторович", "Петров Алексей Викторович ИП"],
    ["Acme Ltd.", "ACME LLC"],
    ["ПАО «Сибмаш»", "Сибмаш"],
  ])("counts %j and %j as one company", (a, b) => {
    expect(normalizeCompanyName(a)).toBe(normalizeCompanyName(b));
  });

  it("keeps words that only contain a legal form", () => {
    expect(normalizeCompanyName("ООО Паоло")).toBe("паоло");
    expect(normalizeCompanyName("ООО «Бетонный завод №3»")).toBe("бетонныйзавод3");
  });
});

describe("matching accounting clients to won leads", () => {
  it("matches by INN, phone, e-mail and company name, whatever the spelling", () => {
    const rows = [
      row({ client: "ООО «Ромашка»", inn: "7701234567", amountKopecks: 123_450 }),
      row({ client: "Иванов Пётр", phone: "+79161234567" }),
      row({ client: "Сидорова Наталья", email: "buh@sidorova.ru" }),
      row({ client: 'ООО "Вектор-Плюс"', inn: "7702345678" }),
    ];
    const leads = [
      lead({ leadId: "by-inn", company: { name: "Ромашка (цветы)", inn: "77 0123 4567" }, amountKopecks: 120_000 }),
      lead({ leadId: "by-phone", phone: "8 (916) 123-45-67" }),
      lead({ leadId: "by-email", email: " Buh@Sidorova.RU " }),
      lead({ leadId: "by-name", company: { name: "вектор плюс ооо", inn: null } }),
    ];

    const result = reconcile(rows, leads);

    expect(result.matched.map((m) => [m.leadId, m.by])).toEqual([
      ["by-inn", "inn"],
      ["by-phone", "phone"],
      ["by-email", "email"],
      ["by-name", "name"],
    ]);
    expect(result.matched[0]).toMatchObject({ accountingAmount: "1234.50", crmAmount: "1200.00" });
    expect(result.matched[0]!.rows[0]).toEqual({ line: rows[0]!.line, client: "ООО «Ромашка»", inn: "7701234567", phone: null, email: null, date: "2026-03-02", amount: "1234.50" });
    expect(result.onlyInAccounting).toEqual([]);
    expect(result.onlyInCrm).toEqual([]);
  });

  it("prefers INN over phone, phone over e-mail and e-mail over name when a lead fits several clients", () => {
    const byInn = row({ client: "ООО Альфа", inn: "7701234567" });
    const byPhone = row({ client: "ООО Бета", phone: "+79160000001" });
    const byEmail = row({ client: "ООО Гамма", email: "a@gamma.ru" });
    const byName = row({ client: "ООО Дельта" });
    const theLead = lead({ leadId: "one", company: { name: "Дельта", inn: "7701234567" }, phone: "+79160000001", email: "a@gamma.ru" });

    const result = reconcile([byName, byEmail, byPhone, byInn], [theLead]);

    expect(result.matched).toMatchObject([{ leadId: "one", by: "inn", rows: [{ client: "ООО Альфа" }] }]);
    expect(result.onlyInAccounting.map((entry) => entry.row.client)).toEqual(["ООО Бета", "ООО Гамма", "ООО Дельта"]);
    expect(reconcile([byName, byEmail, byPhone], [theLead]).matched).toMatchObject([{ by: "phone" }]);
    expect(reconcile([byName, byEmail], [theLead]).matched).toMatchObject([{ by: "email" }]);
  });

  it("lets an earlier key claim a client before a later key of another lead can", () => {
    const client = row({ client: "ООО Альфа", inn: "7701234567", phone: "+79160000001" });
    const byPhoneFirstInList = lead({ leadId: "phone-lead", phone: "+79160000001" });
    const byInnLaterInList = lead({ leadId: "inn-lead", company: { name: "Альфа", inn: "7701234567" } });

    const result = reconcile([client], [byPhoneFirstInList, byInnLaterInList]);

    expect(result.matched).toMatchObject([{ leadId: "inn-lead", by: "inn" }]);
    expect(result.onlyInCrm).toEqual([{ leadId: "phone-lead", amount: "1000.00" }]);
  });

  it("matches each lead to one client and each client to one lead", () => {
    const rows = [row({ client: "ООО Альфа", phone: "+79160000001" }), row({ client: "ООО Бета", phone: "+79160000001" })];
    const leads = [lead({ leadId: "a", phone: "+79160000001" }), lead({ leadId: "b", phone: "+79160000001" }), lead({ leadId: "c", phone: "+79160000001" })];

    const result = reconcile(rows, leads);

    expect(result.matched.map((m) => [m.leadId, m.rows[0]!.client])).toEqual([
      ["a", "ООО Альфа"],
      ["b", "ООО Бета"],
    ]);
    expect(result.onlyInCrm).toEqual([{ leadId: "c", amount: "1000.00" }]);
  });

  it("gives a lead the client whose amount equals its deal when several clients fit", () => {
    const rows = [row({ client: "ООО Альфа", phone: "+79160000001", amountKopecks: 500 }), row({ client: "ООО Бета", phone: "+79160000001", amountKopecks: 700 })];

    const result = reconcile(rows, [lead({ leadId: "seven", phone: "+79160000001", amountKopecks: 700 })]);

    expect(result.matched).toMatchObject([{ leadId: "seven", rows: [{ client: "ООО Бета" }] }]);
  });

  it("never pairs a lead and a client whose known INNs differ, even with the same name and phone", () => {
    const client = row({ client: "ООО Ромашка", inn: "7701234567", phone: "+79160000001" });
    const otherFirm = lead({ leadId: "other", company: { name: "Ромашка", inn: "5001234567" }, phone: "+79160000001" });

    const result = reconcile([client], [otherFirm]);

    expect(result.matched).toEqual([]);
    expect(result.onlyInAccounting[0]!.reason).toBe("won lead other has the same phone but a different INN (5001234567)");
  });

  it("says which lead took a client's phone, and that no lead fits the others", () => {
    const first = row({ client: "ООО Альфа", inn: "7701234567", phone: "+79160000001" });
    const second = row({ client: "ООО Бета", phone: "+79160000001" });
    const stranger = row({ client: "ООО Гамма" });
    const theLead = lead({ leadId: "alpha", company: { name: "Альфа", inn: "7701234567" }, phone: "+79160000001" });

    const result = reconcile([first, second, stranger], [theLead]);

    expect(result.onlyInAccounting.map((entry) => entry.reason)).toEqual([
      `won lead alpha has the same phone but is matched by INN to «ООО Альфа» (line ${first.line})`,
      "no won lead in the CRM has its INN, phone, e-mail or company name",
    ]);
  });

  it("sums a client's rows and corrections, joining a correction typed without the INN by the client's name", () => {
    const rows = [
      row({ client: "ООО «Кристалл»", inn: "6674766498", amountKopecks: 21_500_000 }),
      row({ client: "ООО «Кристалл»", inn: "6674766498", amountKopecks: 10_000_000 }),
      row({ client: "Кристалл ООО", amountKopecks: -1_250_000 }),
    ];

    const result = reconcile(rows, [lead({ leadId: "k", company: { name: "Кристалл", inn: "6674766498" }, amountKopecks: 31_500_000 })]);

    expect(result.matched).toMatchObject([{ leadId: "k", by: "inn", accountingAmount: "302500.00", crmAmount: "315000.00" }]);
    expect(result.matched[0]!.rows.map((r) => r.amount)).toEqual(["215000.00", "100000.00", "-12500.00"]);
    expect(result.totals).toEqual({ accountingClients: 1, crmWon: 1, matched: 1 });
  });

  it("keeps a row without INN apart when two firms with different INNs share its name", () => {
    const rows = [
      row({ client: "ООО Ромашка", inn: "7701234567" }),
      row({ client: "ООО Ромашка", inn: "5001234567" }),
      row({ client: "Ромашка", amountKopecks: -100 }),
    ];

    expect(reconcile(rows, []).onlyInAccounting.map((entry) => entry.rows.length)).toEqual([1, 1, 1]);
  });
});

describe("the month from the issue: accounting closed 75 clients, the CRM shows 70 won", () => {
  const leads = JSON.parse(readFileSync(new URL("../fixtures/accounting/won-leads.json", import.meta.url), "utf8")) as WonLead[];

  it.each(["closed-clients-cp1251.csv", "closed-clients-utf8.csv"])("finds the five clients lost to analysis in %s", (name) => {
    const file = parseAccountingFile(new Uint8Array(readFileSync(new URL(`../fixtures/accounting/${name}`, import.meta.url))));

    const result = reconcile(file.rows, leads);

    expect(result.totals).toEqual({ accountingClients: 75, crmWon: 70, matched: 70 });
    expect(result.onlyInCrm).toEqual([]);
    expect(result.onlyInAccounting.map((entry) => entry.row.client).sort()).toEqual(
      ["ООО «Ремстрой»", 'ЗАО "Монолит"', "ООО «Арктика»", "ИП Фёдоров Сергей Иванович", "Белов Константин Юрьевич"].sort(),
    );
    expect(result.onlyInAccounting.find((entry) => entry.row.client === 'ЗАО "Монолит"')!.rows).toHaveLength(2);
    const countBy = (by: string) => result.matched.filter((m) => m.by === by).length;
    expect([countBy("inn"), countBy("phone"), countBy("email"), countBy("name")]).toEqual([45, 10, 6, 9]);

    // Corrections lower accounting below the CRM's deal; one manager entered an earlier, lower quote.
    const gaps = Object.fromEntries(
      result.matched
        .filter((m) => m.accountingAmount !== m.crmAmount)
        .map((m) => [normalizeCompanyName(m.rows[0]!.client), toKopecks(m.accountingAmount)! - toKopecks(m.crmAmount)!]),
    );
    expect(gaps).toEqual({ гранит: -500_000, кристалл: -1_250_000, меридиан: 1_000_000 });
  });
});
