import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../packages/core/src/ids.js";
import { marketerOn, textOf, type Browser, type WebHarness } from "../support/web.js";

let h: WebHarness;
let marketer: Browser;
/** The CRM's ids of the two won leads: Альфа's (matched by INN) and Вектор's (an INN of its own). */
let alpha = "";
let vector = "";

beforeAll(async () => {
  ({ h, marketer } = await marketerOn("/reconciliation", "2026-03-31T12:00:00Z"));
  const won = (name: string, day: string, extra: Record<string, unknown>) => ({
    externalId: `${name}-${newId()}`,
    name,
    createdAt: "2026-03-01T10:00:00+03:00",
    stage: "won",
    amount: "150000",
    closedAt: `${day}T12:00:00+03:00`,
    ...extra,
  });
  const imported = await h.call("POST", "/api/leads/import", {
    leads: [
      won("Альфа", "2026-03-05", { company: { name: "ООО «Альфа»", inn: "7701234567" }, phone: "+79160000001" }),
      won("Вектор", "2026-03-06", { company: { name: "ООО «Вектор»", inn: "5001234567" }, phone: "+79160000002" }),
    ],
  });
  expect(imported.body.imported).toBe(2);
  const listed = await h.call("GET", "/api/leads?limit=10");
  const idOf = (name: string) => listed.body.items.find((lead: any) => lead.externalId.startsWith(`${name}-`)).id as string;
  alpha = idOf("Альфа");
  vector = idOf("Вектор");
});

/**
 * Альфа is matched by its INN, so Бета, with Альфа's phone, finds no free lead; Гамма shares Вектор's
 * phone but its INN differs, so they are never paired. Бета's INN is unreadable (a warning), and the
 * totals line is not read.
 */
const accountingFile = [
  "Контрагент;ИНН;Телефон;Сумма;Дата",
  "ООО «Альфа»;7701234567;8 (916) 000-00-01;150 000,00;05.03.2026",
  "ООО «Бета»;12345;8 (916) 000-00-01;70 000,00;06.03.2026",
  "ООО «Гамма»;7702222222;8 (916) 000-00-02;90 000,00;07.03.2026",
  "Итого;;;310 000,00;",
].join("\r\n");

function upload(): FormData {
  const form = new FormData();
  form.set("file", new File([accountingFile], "closed-clients.csv", { type: "text/csv" }));
  form.set("from", "2026-03-01");
  form.set("to", "2026-03-31");
  return form;
}

describe("why a client is only in accounting and why a line was not read, on the Russian page", () => {
  it("says which lead took the client's phone, that a lead with its phone has another INN, and the file's notes, in Russian", async () => {
    const posted = await marketer.post("/reconciliation", upload());
    expect(posted.status).toBe(303);

    const page = await marketer.get(posted.location!);

    const text = textOf(page.html);
    const start = text.indexOf("Только в бухгалтерии (2)");
    const section = text.slice(start, text.indexOf("Выиграны в CRM, но нет в бухгалтерии (1)", start));
    expect(section).toContain(`ООО «Бета» — 70 000,00 ₽ у выигранного лида ${alpha} совпадает телефон, но он уже сопоставлен по ИНН с «ООО «Альфа»» (строка 2)`);
    expect(section).toContain(`ООО «Гамма» 7702222222 90 000,00 ₽ у выигранного лида ${vector} совпадает телефон, но другой ИНН (5001234567)`);
    // Nothing English: the only Latin letters left are the lead ids, which are data to copy.
    expect(section.replaceAll(alpha, "").replaceAll(vector, "")).not.toMatch(/[a-z]/i);
    const notes = text.slice(text.indexOf("Непрочитанные строки"), text.indexOf("Прошлые сверки"));
    expect(notes).toContain("Непрочитанные строки (1) Строка Почему 5 строка итогов («Итого»), а не клиент");
    expect(notes).toContain("Прочитаны с предупреждением (1) Строка Почему 3 «ИНН»: «12345» не похоже на ИНН (10 или 12 цифр); строка сопоставляется без этого значения");
    expect(notes).not.toMatch(/[a-z]/i);
  });

  it("keeps core's English reasons and gives their codes and details in the API", async () => {
    const res = await h.call("POST", "/api/reconciliations?from=2026-03-01&to=2026-03-31", undefined, { raw: accountingFile, contentType: "text/csv" });

    expect(res.status).toBe(201);
    expect(res.body.onlyInAccounting.map((entry: any) => [entry.reasonCode, entry.reasonDetails, entry.reason])).toEqual([
      [
        "identifier_taken",
        { leadId: alpha, by: "phone", takenBy: "inn", takenClient: "ООО «Альфа»", takenLine: 2 },
        `won lead ${alpha} has the same phone but is matched by INN to «ООО «Альфа»» (line 2)`,
      ],
      ["different_inn", { leadId: vector, by: "phone", inn: "5001234567" }, `won lead ${vector} has the same phone but a different INN (5001234567)`],
    ]);
    expect(res.body.rejected).toEqual([{ line: 5, reason: "a totals line («Итого»), not a client", problems: [{ code: "totals_line", value: "Итого" }] }]);
    expect(res.body.warnings).toEqual([
      {
        line: 3,
        reason: 'ИНН "12345" is not 10 or 12 digits; the row is matched without it',
        problems: [{ code: "identifier_unreadable", column: "ИНН", text: "12345", kind: "inn" }],
      },
    ]);
  });
});
