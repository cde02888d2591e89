import { z } from "zod";
import { DomainError, InvalidInputError } from "../../errors.js";
import { csvFormat } from "./csv.js";
import type { SpendBody, SpendFormat } from "./format.js";
import { googleAdsFormat } from "./google-ads.js";
import { jsonFormat } from "./json.js";
import { vkAdsFormat } from "./vk-ads.js";
import { yandexDirectFormat } from "./yandex-direct.js";

export type { SpendBody, SpendFormat, SpendParseOptions } from "./format.js";

/**
 * Every format POST /api/spend reads. Detection tries them in order, so a format that recognises
 * its own content (an ad platform's export) must come before the generic CSV.
 */
export const spendFormats: readonly SpendFormat[] = [yandexDirectFormat, googleAdsFormat, vkAdsFormat, jsonFormat, csvFormat];

/** POST /api/spend's query: `?format=` names the format; `?moneyInMicros=true|false` says how an export's money is written. */
export const SpendImportQuery = z.object({
  format: z.string().optional(),
  moneyInMicros: z
    .enum(["true", "false"], { message: "must be true or false" })
    .transform((value) => value === "true")
    .optional(),
});

/** The format named by the caller, else the first that recognises the body. */
export function chooseSpendFormat(body: SpendBody, named?: string): SpendFormat {
  const names = spendFormats.map((format) => format.name).join(", ");
  if (named !== undefined) {
    const format = spendFormats.find((candidate) => candidate.name === named);
    if (!format) throw new InvalidInputError(`format "${named}" is unknown; use one of ${names}`, [{ path: "format", message: `must be one of ${names}` }]);
    return format;
  }
  const format = spendFormats.find((candidate) => candidate.detect(body));
  if (!format) {
    throw new DomainError("unsupported_format", `send spend as text/csv or application/json, or name the format with ?format= (${names})`);
  }
  return format;
}
