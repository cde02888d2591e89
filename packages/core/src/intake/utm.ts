import type { LeadFields, Utm } from "../lead/incoming.js";
import { decodeFormComponent, decodeIfEncoded, decodePercent, parseFormPairs } from "./form-encoding.js";

const UTM_LABELS = { source: "utm_source", medium: "utm_medium", campaign: "utm_campaign", content: "utm_content", term: "utm_term" } as const;
const TRACKING_PARAMS = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "yclid", "gclid"] as const;

/** `utm_source` … `utm_term`, `yclid`, `gclid`: the names these values carry in a query string. */
export type TrackingParam = (typeof TRACKING_PARAMS)[number];

/** Tracking values found in one place (the sender's fields, a URL, a cookie), decoded but not yet trimmed. */
export type TrackingValues = Partial<Record<TrackingParam, string>>;

export type Attribution = Pick<LeadFields, "utm" | "clickIds">;

function isTrackingParam(name: string): name is TrackingParam {
  return (TRACKING_PARAMS as readonly string[]).includes(name);
}

/**
 * UTM labels and click ids from several places given in precedence order, decided per label:
 * a label missing from the first place may come from the next. Values are trimmed, never lower-cased.
 * @example extractUtm([trackingFromFields(get), trackingFromUrl(landingUrl), trackingFromTildaCookies(cookies)])
 */
export function extractUtm(places: ReadonlyArray<TrackingValues>): Attribution {
  const first = (param: TrackingParam): string | null => {
    for (const place of places) {
      const value = place[param]?.trim();
      if (value) return value;
    }
    return null;
  };
  const utm = Object.fromEntries(Object.entries(UTM_LABELS).map(([label, param]) => [label, first(param)])) as Utm;
  const clickIds: Attribution["clickIds"] = {};
  const yclid = first("yclid");
  const gclid = first("gclid");
  if (yclid) clickIds.yclid = yclid;
  if (gclid) clickIds.gclid = gclid;
  return { utm, clickIds };
}

/**
 * Tracking values from fields the sender named `utm_source` … `gclid` (`get` decides case-sensitivity).
 * A value still percent-encoded (copied raw from a URL) is decoded.
 */
export function trackingFromFields(get: (name: TrackingParam) => string | null): TrackingValues {
  const values: TrackingValues = {};
  for (const param of TRACKING_PARAMS) {
    const value = get(param);
    if (value) values[param] = decodeIfEncoded(value);
  }
  return values;
}

/**
 * Tracking values in a URL's query string. Reads the text itself rather than `new URL`, so a malformed
 * URL or escape still yields what can be read.
 * @example trackingFromUrl("https://shop.ru/?utm_term=%D1%81%D1%83%D0%BC%D0%BA%D0%B8") // { utm_term: "сумки" }
 */
export function trackingFromUrl(url: string | null): TrackingValues {
  if (!url) return {};
  const start = url.indexOf("?");
  if (start < 0) return {};
  const end = url.indexOf("#", start);
  return fromPairs(parseFormPairs(url.slice(start + 1, end < 0 ? undefined : end)));
}

/**
 * Tracking values from Tilda's `COOKIES` field (the visitor's cookie string). Tilda keeps the landing page's
 * UTMs in the `TILDAUTM` cookie as encodeURIComponent("utm_source=vk|||utm_medium=cpc|||"), each value
 * as it stood in the query string, so decoding is two-level.
 */
export function trackingFromTildaCookies(cookies: string | null): TrackingValues {
  if (!cookies) return {};
  for (const cookie of cookies.split(";")) {
    const eq = cookie.indexOf("=");
    if (eq < 0 || cookie.slice(0, eq).trim().toUpperCase() !== "TILDAUTM") continue;
    const pairs = decodePercent(cookie.slice(eq + 1).trim())
      .split("|||")
      .map((pair): [string, string] => {
        const sep = pair.indexOf("=");
        return sep < 0 ? [pair, ""] : [pair.slice(0, sep), decodeFormComponent(pair.slice(sep + 1))];
      });
    return fromPairs(pairs);
  }
  return {};
}

function fromPairs(pairs: ReadonlyArray<readonly [string, string]>): TrackingValues {
  const values: TrackingValues = {};
  for (const [name, value] of pairs) {
    const param = name.trim().toLowerCase();
    if (isTrackingParam(param) && !values[param] && value.trim()) values[param] = value;
  }
  return values;
}
