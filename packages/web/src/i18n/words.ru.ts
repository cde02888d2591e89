import type { Messages } from "./en.js";
import { crmStatusId, formatName, platformName, platformNames } from "./words.en.js";

/** Русские названия кодов, которые хранит домен (причины потери, каналы и источники utm). */
export const wordsRu: Messages["words"] = {
  channel: (typed) => platformName(platformNames.ru, typed),
  format: (format) => formatName(platformNames.ru, format),
  lostReason: (reason) => {
    if (reason === "no_contact") return "не дозвонились (пять попыток)";
    // A loss reason amoCRM sent that the source's map does not name yet (source/unmapped-loss-reasons.ts).
    const unnamed = /^amoCRM reason #(\d{1,20})$/.exec(reason);
    if (unnamed) return `причина отказа amoCRM № ${unnamed[1]}`;
    // A loss the quality review put down to the manager is counted under this category.
    if (reason === "manager") return "по вине менеджера";
    const id = crmStatusId(reason);
    return id === undefined ? reason : `статус amoCRM ${id}`;
  },
};
