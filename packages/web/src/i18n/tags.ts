import type { ClientType } from "@parom/core/lead";
import type { TagName } from "@parom/core/lead";
import { t, type Text } from "./text.js";

/** Texts of a lead's tags section (who the client is), hooked into catalog.ts as `tags`. */
export const tags = {
  title: t("Теги клиента", "Client tags"),
  intro: t(
    "Кто этот клиент. На этап с обязательными тегами лид переходит, только когда они заполнены; пустое поле стирает свой тег.",
    "Who the client is. A stage that requires tags takes the lead only once they are set; a field left empty clears its tag.",
  ),
  clientType: t("Тип клиента", "Client type"),
  city: t("Город", "City"),
  storeCount: t("Число магазинов", "Number of stores"),
  storeType: t("Тип магазина", "Store type"),
  unset: t("— не указан —", "— not set —"),
  clientTypes: {
    buyer: t("оптовый покупатель", "wholesale buyer"),
    retail: t("розница", "retail"),
    business_owner: t("владелец бизнеса", "business owner"),
    other: t("другое", "other"),
  } satisfies Record<ClientType, Text<string>>,
  refused: t("Исправьте отмеченные поля.", "Correct the marked fields."),
  problems: {
    clientType: t("выберите из списка", "choose one of the list"),
    city: t("не длиннее 200 знаков", "at most 200 characters"),
    storeCount: t("целое число от 0 до 1 000 000", "a whole number from 0 to 1,000,000"),
    storeType: t("не длиннее 200 знаков", "at most 200 characters"),
  } satisfies Record<TagName, Text<string>>,
  save: t("Сохранить теги", "Save tags"),
};
