/**
 * Names of the codes the domain stores (lost reasons, channels and utm sources), hooked into catalog.ts
 * as `words`. A code we do not know is something a person typed: it is shown as typed.
 */

import { t } from "./text.js";

/** Advertising platforms by the ways people write them in a channel or utm_source (lower case). */
export const platformNames = {
  en: {
    yandex: "Yandex",
    yandex_direct: "Yandex Direct",
    direct: "Yandex Direct",
    vk: "VK",
    vk_ads: "VK Ads",
    vkontakte: "VK",
    google: "Google",
    google_ads: "Google Ads",
    telegram: "Telegram",
    telegram_ads: "Telegram Ads",
    avito: "Avito",
    instagram: "Instagram",
    facebook: "Facebook",
    mytarget: "myTarget",
    cold_calls: "cold calls",
    seo: "search (SEO)",
    email: "e-mail",
    referral: "referrals",
  },
  ru: {
    yandex: "Яндекс",
    yandex_direct: "Яндекс Директ",
    direct: "Яндекс Директ",
    vk: "ВКонтакте",
    vk_ads: "VK Реклама",
    vkontakte: "ВКонтакте",
    google: "Google",
    google_ads: "Google Реклама",
    telegram: "Telegram",
    // "Ads" is English on a Russian page; Russian marketers say it so.
    telegram_ads: "реклама в Telegram",
    avito: "Авито",
    instagram: "Instagram",
    facebook: "Facebook",
    mytarget: "myTarget",
    cold_calls: "холодные звонки",
    seo: "поиск (SEO)",
    email: "e-mail",
    referral: "рекомендации",
  },
} as const;

/** The platform's name for a channel or utm source we know, else the text as it was typed. */
export const platformName = (names: Record<string, string>, typed: string) => (Object.hasOwn(names, typed.toLowerCase()) ? names[typed.toLowerCase()]! : typed);

/** The id of an amoCRM status or loss reason kept as a lead's lost reason when nobody had named it (older leads). */
export const crmStatusId = (reason: string) => (reason.startsWith("crm_status_") ? reason.slice("crm_status_".length) : undefined);

/** File and webhook formats by their own names, the same in every language; an ad platform's export by the platform. */
const formatNames: Record<string, string> = { tilda: "Tilda", amocrm: "amoCRM", json: "JSON", csv: "CSV" };

export const formatName = (names: Record<string, string>, format: string) => formatNames[format] ?? platformName(names, format);

export const words = {
  channel: t((typed) => platformName(platformNames.ru, typed), (typed: string) => platformName(platformNames.en, typed)),
  format: t((format) => formatName(platformNames.ru, format), (format: string) => formatName(platformNames.en, format)),
  lostReason: t(
    (reason) => {
      if (reason === "no_contact") return "не дозвонились (пять попыток)";
      // A loss reason amoCRM sent that the source's map does not name yet (source/unmapped-loss-reasons.ts).
      const unnamed = /^amoCRM reason #(\d{1,20})$/.exec(reason);
      if (unnamed) return `причина отказа amoCRM № ${unnamed[1]}`;
      // A loss the quality review put down to the manager is counted under this category.
      if (reason === "manager") return "по вине менеджера";
      const id = crmStatusId(reason);
      return id === undefined ? reason : `статус amoCRM ${id}`;
    },
    (reason: string) => {
      if (reason === "no_contact") return "not reached (five attempts)";
      // A loss the quality review put down to the manager is counted under this category.
      if (reason === "manager") return "the manager's fault";
      const id = crmStatusId(reason);
      return id === undefined ? reason : `amoCRM status ${id}`;
    },
  ),
};
