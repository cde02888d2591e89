/**
 * The ad platforms whose spend exports POST /api/spend reads. A platform's rows go to campaigns
 * whose utm_source is one of the platform's sources (VK's contractors tag either way).
 */
export const platforms = {
  yandex_direct: { label: "Yandex.Direct", utmSources: ["yandex"] },
  google_ads: { label: "Google Ads", utmSources: ["google"] },
  vk_ads: { label: "VK Ads", utmSources: ["vk", "vk_ads"] },
} as const satisfies Record<string, { label: string; utmSources: readonly string[] }>;

export type Platform = keyof typeof platforms;
