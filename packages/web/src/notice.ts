import type { Context } from "hono";
import type { Messages } from "./i18n/index.js";

/** A confirmation carried through a redirect as `?notice=<key>`; only known keys show, so no text can be injected. */
export type NoticeKey = keyof Messages["notice"];

export function noticeOf(c: Context, t: Messages): string | undefined {
  const key = c.req.query("notice");
  return key && Object.hasOwn(t.notice, key) ? t.notice[key as NoticeKey] : undefined;
}
