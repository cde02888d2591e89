import { DomainError } from "@parom/core";

/** A redirect target that carries a control character: refused, never passed to a Location header. */
export class BadRedirectError extends DomainError {
  constructor(field: string) {
    super("invalid_redirect", `${field} holds a control character; give a path on this site such as /leads`, "invalid", { field });
  }
}

const ORIGIN = "http://parom.invalid";
// C0 controls and DEL: browsers drop tabs and newlines from URLs, so "/\t/evil.example" becomes "//evil.example".
const hasControl = (text: string) => [...text].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray "%" decodes to nothing dangerous; the URL parser below still has the last word
  }
}

/**
 * A path on this site to send the browser to, from a `back`/`next` parameter (`field` names it in the
 * refusal). Absent, another site, `//host`, a backslash or a scheme give "/"; a control character,
 * as sent or percent-decoded, is a 400. The answer is re-serialised from the parsed URL, so what the
 * browser gets is exactly what was checked.
 * @example localPath("/leads?stage=won", "next") // "/leads?stage=won"
 */
export function localPath(value: string | undefined, field = "back"): string {
  if (!value) return "/";
  const decoded = percentDecoded(value);
  if (hasControl(value) || hasControl(decoded)) throw new BadRedirectError(field);
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\") || decoded.includes("\\") || decoded.startsWith("//")) return "/";
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== ORIGIN) return "/";
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? "/" : path;
}
