import { t } from "./text.js";

/**
 * Texts of the quarantine page (webhook calls the parser refused, stuck calls, and why each call was refused),
 * hooked into catalog.ts as `quarantine`.
 */
export const quarantine = {
  title: t("Карантин", "Quarantine"),
  intro: t(
    "Вызовы вебхука, которые разборщик не принял. При необходимости исправьте формат источника и повторите.",
    "Webhook calls the parser refused. Fix the source's format if needed, then replay them.",
  ),
  empty: t("Карантин пуст.", "Nothing in quarantine."),
  receivedAt: t("Получен", "Received"),
  source: t("Источник", "Source"),
  error: t("Ошибка", "Error"),
  body: t("Тело", "Body"),
  replay: t("Повторить", "Replay"),
  more: t("Более ранние", "Older calls"),
  deliveryId: t("Номер вызова", "Call id"),
  stuckTitle: t("Застрявшие вызовы", "Stuck calls"),
  stuckIntro: t(
    "Вызовы, принятые, но не обработанные за 5 минут (их прервала ошибка или сбой базы данных). Они повторяются автоматически каждые 5 минут; повтор никогда не создаёт заявку дважды.",
    "Calls accepted but not finished 5 minutes later (an error or a database outage interrupted them). They are replayed automatically every 5 minutes; a replay never captures a lead twice.",
  ),
  stuckEmpty: t("Застрявших вызовов нет.", "No stuck calls."),
  notReplayable: t(
    "Этот вызов уже обработан или получен меньше 5 минут назад и, возможно, ещё обрабатывается.",
    "This call was processed already, or arrived less than 5 minutes ago and may still be processing.",
  ),
  tooManyLeads: t(
    (count: number, limit: number) => `Событий в вызове: ${count}, а за один вызов принимается не больше ${limit}. Ничего не записано, вызов сохранён здесь.`,
    (count: number, limit: number) => `Events in the call: ${count}; at most ${limit} are taken per call. Nothing was captured; the call is kept here.`,
  ),
  /** Why the parser refused a call (pages/quarantine-reason.tsx); the sender's field names follow where given. */
  reasons: {
    noLead: t("В вызове нет заявки: нет ни одного из полей", "The body holds no lead: it has none of the fields"),
    notJson: t("Тело вызова — не JSON: его нельзя прочитать.", "The body is not valid JSON."),
    notObject: t("JSON в теле вызова — не объект с полями заявки.", "The JSON body is not an object."),
    mediaType: t(
      "Такой вид тела не читается: присылайте JSON или веб-форму, а не",
      "This kind of body is not read: send JSON or a form (application/x-www-form-urlencoded) instead of",
    ),
    charset: t("В вызове указана неизвестная кодировка:", "The body's declared encoding is unknown:"),
    encoding: t(
      "Тело вызова не читается в своей кодировке: укажите ту, в которой оно записано (например, Windows-1251).",
      "The body is not valid in its encoding: declare the one it was written in (for example windows-1251).",
    ),
    amoIncomplete: t("В событиях amoCRM не хватает полей:", "amoCRM's events lack fields:"),
    tooLong: t("Слишком длинные значения, их нельзя сохранить:", "Values too long to store:"),
    leadInvalid: t("Поля заявки заполнены неверно:", "The lead's fields are not valid:"),
    idempotencyKey: t("Ключ повторной отправки в заголовке вызова слишком длинный.", "The Idempotency-Key header is too long."),
    parserFailed: t(
      "Разборщик сломался на этом вызове; вызов сохранён и будет повторён после исправления.",
      "The parser failed on this call; it is kept to be replayed once the parser is fixed.",
    ),
    other: t("Разборщик не принял вызов; поля:", "The parser refused the call; fields:"),
  },
};
