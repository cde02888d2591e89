import type { LostReasonCategory } from "@parom/core/lead";
import { t, type Text } from "./text.js";

/** Texts of the lead page's quality review form, hooked into catalog.ts as `review`. */
export const review = {
  title: t("Проверка качества", "Quality review"),
  intro: t(
    "Посмотрели, как работали с этим потерянным лидом? Если его потерял менеджер, а не клиент, отметьте это: воронка посчитает потерю по вине менеджера, а руководитель отдела продаж перезвонит клиенту.",
    "Looked at how this lost lead was worked? If the manager, not the client, lost it, say so: the funnel then counts the loss under the manager's fault and the head of sales calls the client back.",
  ),
  notLost: t("Проверить можно только потерянный лид.", "Only a lost lead can be reviewed."),
  none: t("Ещё не проверен.", "Not reviewed yet."),
  current: t(
    (finding, who, at) => `Проверен: ${finding} (${who}, ${at}).`,
    (finding: string, who: string, at: string) => `Reviewed: ${finding} (${who}, ${at}).`,
  ),
  finding: t("Вывод", "Finding"),
  findings: {
    manager: t("потерян по вине менеджера, а не клиента", "lost by the manager's fault, not the client's"),
  } satisfies Record<LostReasonCategory, Text<string>>,
  note: t("Комментарий (что пошло не так)", "Note (what went wrong)"),
  submit: t("Сохранить проверку", "Save the review"),
  saved: t("Проверка сохранена.", "The review is saved."),
};
