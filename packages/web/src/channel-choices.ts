import type { View } from "./view.js";

/**
 * The channels a hypothesis is moved between on its page, by the codes the API and the demo keep
 * (i18n/words.ts names each in the reader's language); the most common first, as people look for them.
 */
const commonChannels: readonly string[] = ["yandex_direct", "vk_ads", "telegram_ads", "google_ads", "avito", "mytarget", "cold_calls", "seo", "email", "referral"];

/**
 * A channel select's options, each named in words ("VK Реклама", never `vk_ads`). A channel the
 * hypothesis holds outside the common ones (typed at creation, "выставки") leads the list as typed,
 * so that saving the form leaves it as it is.
 * @example channelChoices(v, "выставки") // [{value: "выставки", label: "выставки"}, {value: "yandex_direct", label: "Яндекс Директ"}, ...]
 */
export function channelChoices(v: View, current: string): { value: string; label: string }[] {
  const codes = commonChannels.includes(current) ? commonChannels : [current, ...commonChannels];
  return codes.map((code) => ({ value: code, label: v.t.words.channel(code) }));
}
