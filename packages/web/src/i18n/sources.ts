import { t } from "./text.js";
import { leadWord } from "./plural.js";

/** Texts of a source's page (its amoCRM status map, loss reasons and pipelines), hooked into catalog.ts as `sourceMaps`. */
export const sourceMaps = {
  link: t("Статусы и причины отказа amoCRM", "amoCRM statuses and loss reasons"),
  back: t("Все источники", "All sources"),
  title: t((name) => `Источник: ${name}`, (name: string) => `Source: ${name}`),
  intro: t(
    "Как сделки amoCRM из этого источника становятся нашими этапами и причинами потери. Изменение действует для сделок, пришедших после него.",
    "How this source's amoCRM deals become our stages and lost reasons. A change applies to the deals that arrive after it.",
  ),
  statuses: {
    title: t("Статусы amoCRM → этапы", "amoCRM statuses → stages"),
    intro: t(
      "Сделка, перешедшая в статус из этого списка, переводит лид на этап рядом с ним; остальные статусы ничего не меняют. 142 и 143 — собственные статусы amoCRM «Успешно реализовано» и «Закрыто и не реализовано».",
      "A deal moved to a status listed here moves its lead to the stage beside it; other statuses change nothing. 142 and 143 are amoCRM's own won and lost.",
    ),
    status: t("Статус amoCRM", "amoCRM status"),
    stage: t("Наш этап", "Our stage"),
    statusId: t("Номер статуса amoCRM", "amoCRM status number"),
    submit: t("Сохранить статус", "Save the status"),
    confirmTitle: t("Убрать статус", "Remove the status"),
    confirmText: t(
      (status: string, stage: string, source: string) =>
        `Убрать статус amoCRM ${status} → «${stage}» у источника «${source}»? Сделки, перешедшие в этот статус, больше не будут менять этап лида. Остальные статусы останутся.`,
      (status: string, stage: string, source: string) =>
        `Remove amoCRM status ${status} → "${stage}" from source "${source}"? Deals moved to this status will no longer move their lead. The other statuses stay.`,
    ),
    confirmDefault: t(
      (stage: string) => `Это собственный статус amoCRM: после этого он снова будет означать «${stage}».`,
      (stage: string) => `This is amoCRM's own status: afterwards it means "${stage}" again.`,
    ),
    removeLabel: t((status: string) => `Убрать статус ${status}`, (status: string) => `Remove status ${status}`),
  },
  reasons: {
    title: t("Причины отказа amoCRM → наши причины потери", "amoCRM loss reasons → our lost reasons"),
    intro: t(
      "Сделка, закрытая с номером причины из этого списка, теряется с этой причиной; неназванный номер сохраняется как «причина отказа amoCRM № …» и появляется в списке ниже.",
      "A deal lost with a reason number named here is lost with this reason; an unnamed number is kept as it came and listed below.",
    ),
    none: t("Ни одна причина отказа ещё не названа.", "No loss reason is named yet."),
    reasonId: t("Номер причины отказа amoCRM", "amoCRM loss reason number"),
    reason: t("Наша причина потери", "Our lost reason"),
    name: t("Причина потери", "Lost reason"),
    submit: t("Сохранить причину", "Save the reason"),
    confirmTitle: t("Убрать причину отказа", "Remove the loss reason"),
    confirmText: t(
      (id: string, name: string, source: string) =>
        `Убрать название «${name}» у причины отказа amoCRM № ${id} источника «${source}»? Следующие сделки с этим номером сохранятся как «причина отказа amoCRM № ${id}» и появятся в списке причин без названия; уже потерянные лиды сохранят прежний текст. Остальные причины останутся.`,
      (id: string, name: string, source: string) =>
        `Remove the name "${name}" of amoCRM loss reason No. ${id} of source "${source}"? The next deals lost with it are kept as they came and listed among the reasons without a name; leads already lost keep their text. The other reasons stay.`,
    ),
    removeLabel: t((id: string) => `Убрать причину № ${id}`, (id: string) => `Remove reason No. ${id}`),
  },
  remove: t("убрать", "remove"),
  removeSubmit: t("Убрать", "Remove"),
  cancel: t("Отмена", "Cancel"),
  unmapped: {
    title: t("Причины отказа без названия", "Loss reasons without a name"),
    intro: t(
      "Номера причин, которые прислала amoCRM и которых нет в списке выше. Назовите номер — и следующие сделки с ним получат название (уже потерянные лиды сохранят прежний текст).",
      "Reason numbers amoCRM sent that are not named above. Name one and the next deals lost with it get the name (leads already lost keep their text).",
    ),
    none: t("У всех причин отказа, присланных amoCRM, есть названия.", "Every loss reason amoCRM sent has a name."),
    line: t(
      (id, leads, at) => `№ ${id}: ${leads} ${leadWord(leads)}, последний раз ${at}`,
      (id: string, leads: number, at: string) => `No. ${id}: ${leads} ${leads === 1 ? "lead" : "leads"}, last ${at}`,
    ),
    submit: t("Назвать", "Name it"),
  },
  pipelines: {
    title: t("Учитываемые воронки", "Pipelines that count"),
    intro: t(
      "Сделки из других воронок amoCRM сохраняются вместе с вызовом вебхука и больше ни на что не влияют.",
      "Deals of other amoCRM pipelines are kept with their webhook call and otherwise ignored.",
    ),
    all: t("Учитываются все воронки.", "Every pipeline counts."),
    current: t((ids) => `Учитываются: ${ids}.`, (ids: string) => `Counted: ${ids}.`),
    field: t("Номера воронок", "Pipeline numbers"),
    hint: t("Через запятую или пробел; пусто — все воронки.", "Separated by commas or spaces; empty: every pipeline."),
    submit: t("Сохранить воронки", "Save the pipelines"),
    bad: t(
      "Номер воронки — только цифры, не больше 20, всего не больше 100 номеров.",
      "Pipeline numbers are digits only, at most 20 each and at most 100 numbers.",
    ),
  },
  refused: t("Исправьте отмеченное поле.", "Correct the marked field."),
};
