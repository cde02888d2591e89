import type { FC } from "hono/jsx";
import { declaredCharset, decodeFile, InvalidEncodingError, requestBody, UnknownCharsetError } from "@parom/core/text";
import { Select, type FormState, type Problem } from "./form.js";
import type { View } from "../view.js";

/**
 * The upload forms' choice of the file's encoding. Browsers send a file's bytes without a charset, and
 * Excel in Russia saves CSV as windows-1251 while Google Sheets saves UTF-8: guessing between those two
 * is the default, and a person whose file is neither (KOI8-R) or is misread says which it is.
 */
export const EncodingSelect: FC<{ v: View; state: FormState }> = ({ v, state }) => (
  <Select
    state={state}
    name="encoding"
    label={v.t.upload.encoding}
    options={[
      { value: "", label: v.t.upload.detect },
      { value: "utf-8", label: "UTF-8" },
      { value: "windows-1251", label: v.t.upload.windows1251 },
      { value: "koi8-r", label: "KOI8-R" },
    ]}
  />
);

/**
 * An uploaded file's text in the encoding chosen on the form, else the one its part declares, else
 * guessed (text/charset.ts decodeFile); a file not valid in a chosen encoding is a problem in words.
 */
export function uploadText(v: View, file: { bytes: Uint8Array; type: string }, chosen: string | undefined): { ok: true; text: string; encoding: string } | { ok: false; problem: Problem } {
  try {
    return { ok: true, ...decodeFile(file.bytes, chosen ?? declaredCharset(file.type), { ...requestBody, what: "the file" }) };
  } catch (error) {
    if (error instanceof InvalidEncodingError) return { ok: false, problem: { message: v.t.upload.invalid(error.encoding, error.offset + 1), issues: [] } };
    if (error instanceof UnknownCharsetError) return { ok: false, problem: { message: v.t.upload.unknown(error.label), issues: [] } };
    throw error;
  }
}
