import type { TagsMessages } from "./tags.en.js";

/** Русские тексты раздела тегов лида; форма задана tags.en.ts. */
export const tagsRu: TagsMessages = {
  title: "Теги клиента",
  intro: "Кто этот клиент. На этап с обязательными тегами лид переходит, только когда они заполнены; пустое поле стирает свой тег.",
  clientType: "Тип клиента",
  city: "Город",
  storeCount: "Число магазинов",
  storeType: "Тип магазина",
  unset: "— не указан —",
  clientTypes: { buyer: "оптовый покупатель", retail: "розница", business_owner: "владелец бизнеса", other: "другое" },
  refused: "Исправьте отмеченные поля.",
  problems: {
    clientType: "выберите из списка",
    city: "не длиннее 200 знаков",
    storeCount: "целое число от 0 до 1 000 000",
    storeType: "не длиннее 200 знаков",
  },
  save: "Сохранить теги",
};
