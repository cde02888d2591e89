import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../packages/core/src/errors.js";
import { decodePercent, parseFormPairs } from "../../packages/core/src/intake/form-encoding.js";
import { parseDelivery } from "../../packages/core/src/intake/parse-delivery.js";
import {
  declaredCharset,
  decodeFile,
  decodeText,
  displayText,
  InvalidEncodingError,
  UnknownCharsetError,
  requestBody,
} from "../../packages/core/src/text/charset.js";

// Bytes written out: Node's TextDecoder reads these charsets but cannot write them.
const IVAN_1251 = Uint8Array.of(0xc8, 0xe2, 0xe0, 0xed);
const IVAN_KOI8 = Uint8Array.of(0xe9, 0xd7, 0xc1, 0xce);
const IVAN_UTF8 = new TextEncoder().encode("Иван");
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

describe("declaredCharset", () => {
  it.each([
    ["text/csv; charset=windows-1251", "windows-1251"],
    ['application/x-www-form-urlencoded; CHARSET="KOI8-R"', "KOI8-R"],
    ["application/json;boundary=x; charset = utf-8 ", "utf-8"],
    ["application/json", null],
    ["", null],
    [null, null],
  ])("reads %s as %s", (contentType, charset) => {
    expect(declaredCharset(contentType)).toBe(charset);
  });
});

describe("decodeText", () => {
  it("decodes windows-1251, its cp1251 alias and KOI8-R", () => {
    expect(decodeText(IVAN_1251, "windows-1251")).toBe("Иван");
    expect(decodeText(IVAN_1251, "CP1251")).toBe("Иван");
    expect(decodeText(IVAN_KOI8, "koi8-r")).toBe("Иван");
  });

  it("reads UTF-8 when no charset is declared, and removes a byte order mark", () => {
    expect(decodeText(IVAN_UTF8, null)).toBe("Иван");
    expect(decodeText(join(Uint8Array.of(0xef, 0xbb, 0xbf), IVAN_UTF8), "utf-8")).toBe("Иван");
  });

  it("lets a byte order mark win over a mislabelled charset, as browsers do", () => {
    expect(decodeText(join(Uint8Array.of(0xef, 0xbb, 0xbf), IVAN_UTF8), "windows-1251")).toBe("Иван");
    expect(decodeText(Uint8Array.of(0xff, 0xfe, 0x18, 0x04), "utf-8")).toBe("И");
  });

  it("refuses bytes that are not valid UTF-8 instead of showing U+FFFD, naming the body and where", () => {
    const bytes = join(new TextEncoder().encode("Name="), IVAN_1251);
    const error = catchError(() => decodeText(bytes, null));
    expect(error).toBeInstanceOf(InvalidEncodingError);
    expect(error).toMatchObject({ kind: "invalid", encoding: "utf-8", offset: 6, issues: [{ path: "(body)" }] });
    expect(error.message).toContain("no charset was declared, so utf-8 was assumed");
    expect(catchError(() => decodeText(bytes, "utf-8")).message).toMatch(/^the body is not valid utf-8: an invalid byte sequence ends at byte 6;/);
  });

  it("refuses a UTF-8 sequence cut short at the end, and a lone UTF-16 surrogate", () => {
    expect(catchError(() => decodeText(IVAN_UTF8.subarray(0, 7), null))).toMatchObject({ offset: 6 });
    expect(catchError(() => decodeText(Uint8Array.of(0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00), "utf-16le"))).toBeInstanceOf(InvalidEncodingError);
  });

  it.each(["utf-32", "x-mac-klingon", "", "iso-2022-kr"])("refuses the charset label %j with a 400 naming content-type", (label) => {
    const error = catchError(() => decodeText(IVAN_UTF8, label));
    expect(error).toBeInstanceOf(UnknownCharsetError);
    expect(error).toMatchObject({ kind: "invalid", issues: [{ path: "(content-type)", message: expect.stringContaining(`charset "${label}" is not supported`) }] });
  });

  it("names a file's own paths when asked", () => {
    const subject = { what: "the file", charsetPath: "encoding", bytesPath: "file" };
    expect(catchError(() => decodeText(IVAN_1251, "utf-8", subject))).toMatchObject({ message: expect.stringMatching(/^the file is not valid utf-8/), issues: [{ path: "file" }] });
    expect(catchError(() => decodeText(IVAN_1251, "nope", subject))).toMatchObject({ issues: [{ path: "encoding" }] });
    expect(requestBody.bytesPath).toBe("(body)");
  });
});

describe("decodeFile and displayText", () => {
  const file = { what: "the file", charsetPath: "encoding", bytesPath: "file" };

  it("reads a file in its declared charset, answering the encoding's name", () => {
    expect(decodeFile(IVAN_KOI8, "KOI8-R", file)).toEqual({ text: "Иван", encoding: "koi8-r" });
    expect(decodeFile(IVAN_1251, "cp1251", file)).toEqual({ text: "Иван", encoding: "windows-1251" });
    expect(() => decodeFile(IVAN_1251, "utf-8", file)).toThrow(InvalidEncodingError);
  });

  it("without a declared charset takes valid UTF-8 as UTF-8, anything else as windows-1251, and a BOM's word first", () => {
    expect(decodeFile(IVAN_UTF8, null, file)).toEqual({ text: "Иван", encoding: "utf-8" });
    expect(decodeFile(IVAN_1251, null, file)).toEqual({ text: "Иван", encoding: "windows-1251" });
    expect(decodeFile(Uint8Array.of(0xff, 0xfe, 0x18, 0x04), null, file)).toEqual({ text: "И", encoding: "utf-16le" });
  });

  it("still refuses a file whose BOM says UTF-8 but whose bytes are not", () => {
    expect(() => decodeFile(join(Uint8Array.of(0xef, 0xbb, 0xbf), IVAN_1251), null, file)).toThrow(InvalidEncodingError);
  });

  it("shows bytes for people in their declared charset, lossily, never throwing", () => {
    expect(displayText(IVAN_KOI8, "koi8-r")).toBe("Иван");
    expect(displayText(IVAN_1251, null)).toBe("\uFFFD\uFFFD\uFFFD\uFFFD");
    expect(displayText(IVAN_UTF8, "x-unknown")).toBe("Иван");
  });
});

describe("form escapes in a declared charset", () => {
  it("decodes escapes in the form's charset, keeping a broken run as written", () => {
    expect(decodePercent("%C8%E2%E0%ED", "windows-1251")).toBe("Иван");
    expect(decodePercent("%E9%D7%C1%CE", "koi8-r")).toBe("Иван");
    expect(decodePercent("%C8%E2%E0%ED")).toBe("%C8%E2%E0%ED"); // no charset: UTF-8 as before
    expect(decodePercent("%C8%E2", "shift_jis")).toBe("%C8%E2"); // not valid Shift_JIS
    expect(parseFormPairs("Name=%C8%E2%E0%ED+%CF&x=%F0%EE%E7%E0", "cp1251")).toEqual([
      ["Name", "Иван П"],
      ["x", "роза"],
    ]);
  });

  it("reads UTF-16 forms' escapes as UTF-8, as the URL standard does", () => {
    expect(decodePercent("%D0%98", "utf-16le")).toBe("И");
  });

  it("reads a form's escapes in the charset of its Content-Type", () => {
    const delivery = parseDelivery("tilda", { contentType: "application/x-www-form-urlencoded; charset=windows-1251", text: "Name=%C8%E2%E0%ED&Phone=89161112233" });
    expect(delivery.leads[0]!.contact.name).toBe("Иван");
  });
});

function catchError(action: () => unknown): InvalidInputError {
  try {
    action();
  } catch (error) {
    return error as InvalidInputError;
  }
  throw new Error("expected an error");
}
