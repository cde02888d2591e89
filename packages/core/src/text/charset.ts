import { InvalidInputError } from "../errors.js";

/**
 * Bytes to text by a declared charset, for every body we read (webhooks, spend and accounting files).
 * Decoding is fatal: a byte that is not valid in the charset refuses the body, because a lead or a
 * client stored as U+FFFD has lost its name for good, while a refused body can be sent again.
 */

/** How a refusal names what was decoded: the issue paths of the charset's declaration and of the bytes. */
export type DecodeSubject = { what: string; charsetPath: string; bytesPath: string };

/** A request's body (a webhook, an API upload), whose charset comes from its Content-Type. */
export const requestBody: DecodeSubject = { what: "the body", charsetPath: "(content-type)", bytesPath: "(body)" };

/** A charset label no decoder here knows (`charset=utf-32`, a typo). */
export class UnknownCharsetError extends InvalidInputError {
  constructor(
    readonly label: string,
    subject: DecodeSubject,
  ) {
    const message = `charset "${label}" is not supported: use utf-8, windows-1251, koi8-r or another WHATWG encoding label`;
    super(message, [{ path: subject.charsetPath, message }]);
  }
}

/** Bytes that are not valid in the charset they were read in. */
export class InvalidEncodingError extends InvalidInputError {
  constructor(
    readonly encoding: string,
    /** The byte (0-based) at which the first invalid sequence is known to be invalid. */
    readonly offset: number,
    subject: DecodeSubject,
    declared: boolean,
  ) {
    const assumed = declared ? "" : ` (no charset was declared, so ${encoding} was assumed)`;
    const message =
      `${subject.what} is not valid ${encoding}${assumed}: an invalid byte sequence ends at byte ${offset}; ` +
      `declare the charset it was written in, e.g. charset=windows-1251`;
    super(message, [{ path: subject.bytesPath, message }]);
  }
}

/**
 * The `charset` parameter of a Content-Type, trimmed and unquoted; null when none is declared.
 * @example declaredCharset('text/csv; charset="Windows-1251"') // "Windows-1251"
 */
export function declaredCharset(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  for (const parameter of contentType.split(";").slice(1)) {
    const eq = parameter.indexOf("=");
    if (eq < 0 || parameter.slice(0, eq).trim().toLowerCase() !== "charset") continue;
    const value = parameter.slice(eq + 1).trim();
    return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return null;
}

/**
 * The WHATWG name of a charset label, or null when Node's TextDecoder does not support it.
 * @example encodingName("cp1251") // "windows-1251"
 */
export function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/**
 * Text of `bytes` in `charset` (utf-8 when null), refusing invalid bytes. A byte order mark wins over
 * the label and is removed, as browsers do (a "UTF-8 with BOM" file mislabelled windows-1251 is UTF-8).
 * Throws UnknownCharsetError or InvalidEncodingError, both 400s naming the declaration or the bytes.
 * @example decodeText(Uint8Array.of(0xc8, 0xe2, 0xe0, 0xed), "windows-1251") // "Иван"
 */
export function decodeText(bytes: Uint8Array, charset: string | null, subject: DecodeSubject = requestBody): string {
  const encoding = charset === null ? "utf-8" : encodingName(charset);
  if (encoding === null) throw new UnknownCharsetError(charset ?? "", subject);
  const bom = byteOrderMark(bytes);
  const used = bom?.encoding ?? encoding;
  const content = bytes.subarray(bom?.length ?? 0);
  try {
    return new TextDecoder(used, { fatal: true, ignoreBOM: true }).decode(content);
  } catch {
    throw new InvalidEncodingError(used, (bom?.length ?? 0) + firstInvalidEnd(content, used), subject, charset !== null || bom !== null);
  }
}

/**
 * Text of an uploaded file in its declared charset; when none is declared: its BOM's, else UTF-8 when
 * it is valid UTF-8, else windows-1251 (what Excel and 1C save in Russia; every byte is a letter there,
 * so the guess never fails, and the encoding read is answered for a person to check).
 * @example decodeFile(Uint8Array.of(0xc8, 0xe2, 0xe0, 0xed), null, requestBody) // { text: "Иван", encoding: "windows-1251" }
 */
export function decodeFile(bytes: Uint8Array, charset: string | null, subject: DecodeSubject): { text: string; encoding: string } {
  const bom = byteOrderMark(bytes);
  if (charset !== null || bom !== null) {
    const text = decodeText(bytes, charset, subject);
    return { text, encoding: bom?.encoding ?? encodingName(charset!)! };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1251").decode(bytes), encoding: "windows-1251" };
  }
}

/** Lossy text for people to look at (an invalid byte shows as U+FFFD), by the declared charset where known. */
export function displayText(bytes: Uint8Array, charset: string | null): string {
  return new TextDecoder((charset && encodingName(charset)) ?? "utf-8").decode(bytes);
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/**
 * The byte at which the decoder found the first invalid sequence. One streaming pass finds the chunk
 * it is in, a second decoder replays the bytes before that chunk and then feeds the chunk a byte at a
 * time: linear in the body, run only when the body is refused anyway.
 */
function firstInvalidEnd(bytes: Uint8Array, encoding: string): number {
  const CHUNK = 4096;
  const decoder = () => new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const scan = decoder();
  let start = 0;
  try {
    for (; start < bytes.length; start += CHUNK) scan.decode(bytes.subarray(start, start + CHUNK), { stream: true });
  } catch {
    const exact = decoder();
    exact.decode(bytes.subarray(0, start), { stream: true }); // valid: the scan got past it
    for (let at = start; at < bytes.length; at++) {
      try {
        exact.decode(bytes.subarray(at, at + 1), { stream: true });
      } catch {
        return at;
      }
    }
  }
  return bytes.length - 1; // only the final flush failed: a sequence cut short at the end
}
