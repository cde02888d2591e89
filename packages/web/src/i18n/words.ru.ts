import type { Messages } from "./en.js";
import { crmStatusId, platformName, platformNames } from "./words.en.js";

/** Русские названия кодов, которые хранит домен (причины потери, каналы и источники utm). */
export const wordsRu: Messages["words"] = {
  channel: (typed) => platformName(platformNames.ru, typed),
  lostReason: (reason) => {
    if (reason === "no_contact") return "не дозвонились (пять попыток)";
    const id = crmStatusId(reason);
    return id === undefined ? reason : `статус amoCRM ${id}`;
  },
};
