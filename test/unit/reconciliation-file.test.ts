import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../packages/core/src/errors.js";
import { parseAccountingFile } from "../../packages/core/src/reconciliation/accounting-file.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/accounting/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);
/** windows-1251 for the Cyrillic alphabet: А..я are 0xC0..0xFF there. */
const cp1251 = (text: string) =>
  Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0)!;
    return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
  });

describe("reading the 1C export of closed clients", () => {
  it("reads the windows-1251 export under its title lines, with 1C's quoting, non-breaking spaces and corrections", () => {
    const file = parseAccountingFile(fixture("closed-clients-cp1251.csv"));

    expect(file.encoding).toBe("windows-1251");
    expect(file.rows).toHaveLength(83);
    expect(file.rows[0]).toEqual({
      line: 5,
      client: "ООО «Медтехника»",
      inn: "7713528011",
      phone: "+74950717186",
      email: "info@medtech.ru",
      date: "2026-03-03",
      amountKopecks: 34_000_000,
    });
    expect(file.rows.find((row) => row.line === 7)).toMatchObject({ client: 'ООО "Техносфера"', inn: "7892639205" });
    expect(file.rows.find((row) => row.line === 87)).toMatchObject({ client: "Кристалл ООО", inn: null, amountKopecks: -1_250_000 });
    expect(file.rejected).toEqual([{ line: 88, reason: "a totals line («Итого»), not a client", problems: [{ code: "totals_line", value: "Итого" }] }]);
    expect(file.warnings).toEqual([]);
  });

  it("reads the UTF-8 export with a BOM into exactly the same rows", () => {
    const utf = parseAccountingFile(fixture("closed-clients-utf8.csv"));
    const win = parseAccountingFile(fixture("closed-clients-cp1251.csv"));

    expect(utf.encoding).toBe("utf-8");
    expect(utf.rows).toEqual(win.rows);
    expect(utf.rows.reduce((sum, row) => sum + row.amountKopecks, 0)).toBe(2_972_650_750);
  });

  it("tells UTF-8 without a BOM from windows-1251 by the bytes alone", () => {
    const text = "Контрагент;Сумма\nООО Ёлка;100\n";

    expect(parseAccountingFile(utf8(text))).toMatchObject({ encoding: "utf-8", rows: [{ client: "ООО Ёлка" }] });
    expect(parseAccountingFile(cp1251("Контрагент;Сумма\nООО Ромашка;100\n"))).toMatchObject({ encoding: "windows-1251", rows: [{ client: "ООО Ромашка" }] });
  });

  it("reads Excel's Unicode text (UTF-16 with a BOM, tab-separated)", () => {
    const text = "\uFEFFПокупатель\tСумма\r\nИП Петров\t1 500,00\r\n";
    const bytes = new Uint8Array([...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]));

    expect(parseAccountingFile(bytes)).toMatchObject({ encoding: "utf-16le", rows: [{ client: "ИП Петров", amountKopecks: 150_000 }] });
  });
});

describe("header variants", () => {
  it("finds English columns in a comma-separated file, in any order and case", () => {
    const file = parseAccountingFile(utf8('Amount,Date,Name,INN,Phone,Email\n"1,234.50",2026-03-02,Acme LLC,7701234567,+7 916 123-45-67,Sales@Acme.com\n'));

    expect(file.rows).toEqual([
      { line: 2, client: "Acme LLC", inn: "7701234567", phone: "+79161234567", email: "sales@acme.com", date: "2026-03-02", amountKopecks: 123_450 },
    ]);
  });

  it("finds Russian columns whatever their case, with a unit after a comma, in a tab-separated file", () => {
    const file = parseAccountingFile(utf8("КЛИЕНТ\tинн\tПочта\tСумма, руб.\tДата документа\nИП Смирнова\t500100732259\tolga@mail.ru\t2 000\t02.03.26\n"));

    expect(file.rows).toEqual([
      { line: 2, client: "ИП Смирнова", inn: "500100732259", phone: null, email: "olga@mail.ru", date: "2026-03-02", amountKopecks: 200_000 },
    ]);
  });

  it("refuses a file without an amount column, naming the headers it looked for", () => {
    const read = () => parseAccountingFile(utf8("Контрагент;ИНН;Итог\nООО Ромашка;7701234567;100\n"));

    expect(read).toThrow(InvalidInputError);
    expect(read).toThrow(/amount: no column named Сумма, amount/);
  });

  it("refuses a file without a client column, naming the headers it looked for", () => {
    expect(() => parseAccountingFile(utf8("Организация;Сумма\nООО Ромашка;100\n"))).toThrow(/client: no column named Контрагент, Клиент, Покупатель, client, name/);
  });

  it("refuses a header with two client columns rather than guessing which one is meant", () => {
    expect(() => parseAccountingFile(utf8("Клиент;Контрагент;Сумма\nа;б;1\n"))).toThrow(/«Клиент» and «Контрагент» both look like the client column/);
  });
});

describe("numbers and dates", () => {
  const amountOf = (text: string) => parseAccountingFile(utf8(`Контрагент;Сумма\nООО Ромашка;"${text}"\n`)).rows[0]?.amountKopecks;
  const dayOf = (text: string) => parseAccountingFile(utf8(`Контрагент;Сумма;Дата\nООО Ромашка;1;${text}\n`)).rows[0]?.date;

  it.each([
    ["1 234 567,89", 123_456_789],
    ["1\u00a0234\u00a0567,89", 123_456_789],
    ["-5 000,00", -500_000],
    ["\u22125 000,00", -500_000],
    ["1234.5", 123_450],
    ["12'345,00", 1_234_500],
    ["700", 70_000],
    ["1,234,567.89", 123_456_789],
    ["1.234.567,89", 123_456_789],
  ])("reads the amount %j as %i kopecks", (text, kopecks) => {
    expect(amountOf(text)).toBe(kopecks);
  });

  it.each(["1,234", "12,3,4.5", "сто", "1 000 руб."])("refuses the amount %j", (text) => {
    expect(amountOf(text)).toBeUndefined();
  });

  it.each([
    ["02.03.2026", "2026-03-02"],
    ["2.3.2026", "2026-03-02"],
    ["02.03.26", "2026-03-02"],
    ["2026-03-02", "2026-03-02"],
    ["02.03.2026 0:00:00", "2026-03-02"],
    ["2026-03-02T10:15:00", "2026-03-02"],
  ])("reads the date %j as %s", (text, day) => {
    expect(dayOf(text)).toBe(day);
  });

  it("leaves the date empty when the file has no date column", () => {
    expect(parseAccountingFile(utf8("Контрагент;Сумма\nООО Ромашка;1\n")).rows[0]?.date).toBeNull();
  });
});

describe("rows that cannot be used", () => {
  it("reports each bad row with its line in the file, counting blank lines and multi-line quoted fields", () => {
    const text = [
      "Контрагент;ИНН;Сумма;Дата",
      "ООО Ромашка;7701234567;1 000,00;01.03.2026",
      "",
      ";7701234568;500,00;01.03.2026",
      '"ООО ""Вектор""\nфилиал";;"1 000,555";01.03.2026',
      "ООО Гранит;;;01.03.2026",
      "ООО Альфа;;100;31.02.2026",
      "ООО Бета;;100;01.03.2026;лишнее",
      "ООО Гамма;;100;01.03.2026;",
    ].join("\n");
    const file = parseAccountingFile(utf8(text));

    expect(file.rows.map((row) => [row.line, row.client])).toEqual([
      [2, "ООО Ромашка"],
      [10, "ООО Гамма"],
    ]);
    expect(file.rejected).toEqual([
      { line: 4, reason: "Контрагент is empty", problems: [{ code: "empty", column: "Контрагент" }] },
      { line: 5, reason: 'Сумма "1 000,555" is not an amount such as 1 234,56', problems: [{ code: "not_amount", column: "Сумма", text: "1 000,555" }] },
      { line: 7, reason: "Сумма is empty", problems: [{ code: "empty", column: "Сумма" }] },
      { line: 8, reason: 'Дата "31.02.2026" is not a day such as 31.03.2026', problems: [{ code: "not_day", column: "Дата", text: "31.02.2026" }] },
      {
        line: 9,
        reason: 'the line has 5 fields but the header has 4; a value holding ";" must be in double quotes',
        problems: [{ code: "too_many_fields", fields: 5, headerFields: 4, separator: ";" }],
      },
    ]);
  });

  it("keeps a paying client whose INN, phone or e-mail is unreadable, and says which value was ignored", () => {
    const file = parseAccountingFile(utf8("Контрагент;ИНН;Телефон;E-mail;Сумма\nООО Ромашка;12345;доб. 12;нет;100\n"));

    expect(file.rows).toEqual([{ line: 2, client: "ООО Ромашка", inn: null, phone: null, email: null, date: null, amountKopecks: 10_000 }]);
    expect(file.warnings).toEqual([
      { line: 2, reason: 'ИНН "12345" is not 10 or 12 digits; the row is matched without it', problems: [{ code: "identifier_unreadable", column: "ИНН", text: "12345", kind: "inn" }] },
      { line: 2, reason: 'Телефон "доб. 12" is not a phone number; the row is matched without it', problems: [{ code: "identifier_unreadable", column: "Телефон", text: "доб. 12", kind: "phone" }] },
      { line: 2, reason: 'E-mail "нет" is not an e-mail address; the row is matched without it', problems: [{ code: "identifier_unreadable", column: "E-mail", text: "нет", kind: "email" }] },
    ]);
  });

  it("takes the first usable phone and e-mail when a cell lists several", () => {
    const file = parseAccountingFile(utf8('Контрагент;Телефон;E-mail;Сумма\nООО Ромашка;"8 (495) 123-45-67 доб. 12, 8 916 000-00-00";"бухгалтерия; Buh@Romashka.ru, boss@romashka.ru";1\n'));

    expect(file.rows[0]).toMatchObject({ phone: "+74951234567", email: "buh@romashka.ru" });
  });

  it("treats a client named like a totals word as a client", () => {
    expect(parseAccountingFile(utf8("Контрагент;Сумма\nООО «Итого-Сервис»;1\nИтого-Сервис;2\n")).rows).toHaveLength(2);
  });
});
