import type { FieldIssue } from "@parom/core";
import type { View } from "./view.js";

/**
 * The channels a hypothesis is created in or moved between, by the codes the API and the demo keep
 * (i18n/words.ts names each in the reader's language); the most common first, as people look for them.
 */
const commonChannels: readonly string[] = ["yandex_direct", "vk_ads", "telegram_ads", "google_ads", "avito", "mytarget", "cold_calls", "seo", "email", "referral"];

/** The select's "другой канал…": the channel is then the one typed beside it. No channel is called "*". */
export const typedChannel = "*";

/** The name of the text field beside a channel select named `name` (`channel` -> `channelTyped`). */
export const typedChannelName = (name: string) => `${name}Typed`;

/**
 * A channel select's options, each named in words ("VK Реклама", never `vk_ads`), ending in "другой
 * канал…". A channel the hypothesis holds outside the common ones (typed at creation, "выставки")
 * leads the list as typed, so that saving the form leaves it as it is.
 * @example channelChoices(v, "выставки") // [{value: "выставки", label: "выставки"}, {value: "yandex_direct", label: "Яндекс Директ"}, ..., {value: "*", label: "другой канал…"}]
 */
export function channelChoices(v: View, current: string): { value: string; label: string }[] {
  const codes = current === "" || commonChannels.includes(current) ? commonChannels : [current, ...commonChannels];
  return [...codes.map((code) => ({ value: code, label: v.t.words.channel(code) })), { value: typedChannel, label: v.t.hypothesis.channelOther }];
}

/**
 * The channel a form chose: the select's code, or the text typed beside it when the select says
 * "другой канал…" (or nothing). Text typed while a listed channel is chosen is a problem, not
 * silently dropped: the person meant one of the two. `name` is the select's form name.
 * @example chosenChannel(v, { channel: "*", channelTyped: "выставки" }, "channel") // { channel: "выставки" }
 */
export function chosenChannel(v: View, values: Record<string, string>, name: string): { channel: string } | { issue: FieldIssue } {
  const chosen = values[name] ?? "";
  const typed = values[typedChannelName(name)]?.trim() ?? "";
  const path = typedChannelName(name);
  if (chosen === typedChannel && typed === "") return { issue: { path, message: v.t.hypothesis.channelTypedMissing } };
  if (chosen === typedChannel || chosen === "") return { channel: typed };
  if (typed !== "") return { issue: { path, message: v.t.hypothesis.channelTypedConflict } };
  return { channel: chosen };
}
