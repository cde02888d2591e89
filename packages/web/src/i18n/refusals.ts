/**
 * Domain refusals and field problems, hooked into catalog.ts as `refusals`. The API keeps its English
 * `message` and a stable `code`: the English page shows the API's own words (but a zod number bound in plain
 * English); a Russian page says the code (with its `details`) in words, and a field's English problem (zod's
 * or one of ours) by what it means.
 * Text that is already Russian (a page's own words) stays.
 */

import type { Refusal } from "@parom/core/hypothesis";
import { t } from "./text.js";

type Details = Record<string, unknown>;

const list = (value: unknown) => (Array.isArray(value) ? value.map(String).join(", ") : "");

// ISO days of a refusal's details as the pages write dates ("3 мар. 2026 г."); calendar days, so in UTC.
const ruDays = new Intl.DateTimeFormat("ru", { dateStyle: "medium", timeZone: "UTC" });

const days = (value: unknown) => (Array.isArray(value) ? value.map((day) => (/^\d{4}-\d{2}-\d{2}$/.test(String(day)) ? ruDays.format(new Date(`${day}T00:00:00Z`)) : String(day))).join(", ") : "");

const codes: Record<string, (details: Details) => string> = {
  invalid_input: () => "Исправьте отмеченные поля.",
  version_conflict: () => "Пока вы заполняли форму, запись изменили. Обновите страницу и повторите.",
  not_found: () => "Такой записи нет: её удалили или ссылка неверна.",
  forbidden: () => "Вашей роли это действие недоступно.",
  transition_refused: () => "Перевести гипотезу на этот этап пока нельзя: условия перехода не выполнены.",
  hypothesis_closed: () => "Гипотеза закрыта: её больше нельзя менять.",
  idea_promoted: () => "Эту идею уже запустили в пробу: она стала гипотезой.",
  idea_dropped: () => "Эту идею отклонили: её больше не оценивают и не запускают в пробу.",
  gate_not_passed: () => "Цели не достигнуты, поэтому масштабирование утвердить нельзя.",
  contact_attempts_not_spread: (d) =>
    "Попытка не записана: пятая попытка подряд без ответа теряет лид, только если попытки были не меньше чем в 2 разных дня и в 2 разные части суток (утро, день, вечер)" +
    (days(d.days) ? `; все попытки пришлись на ${days(d.days)}` : "") +
    ". Попробуйте в другой день или в другое время суток.",
  stage_final: () => "Сделка уже выиграна: этап больше не меняется.",
  stage_backwards: () => "Лид не возвращается на прежний этап.",
  lead_not_lost: () => "Проверять причину потери можно только у потерянного лида.",
  key_already_made: () =>
    "Этот ключ уже выпущен: его секрет показывался один раз, сразу после выпуска. Если вы его не сохранили, отзовите ключ в списке ниже и выпустите новый.",
  crm_user_taken: (d) => `Пользователь amoCRM ${list(d.crmUserIds)} уже закреплён за другим сотрудником.`,
  spend_contended: () => "Расход за этот день менялся во время загрузки. Отправьте его ещё раз.",
  too_many_rows: () => "Слишком много строк за один раз: разбейте файл на части.",
  unsupported_format: () => "Этот формат не поддерживается: пришлите CSV или JSON.",
  still_processing: () => "Запрос ещё обрабатывается: повторить его можно через несколько минут.",
  not_quarantined: () => "Этот запрос не в карантине: он уже обработан.",
  contractor_no_email: (d) => `У подрядчика «${String(d.contractorName ?? "")}» сейчас нет адреса e-mail для отчётов: укажите адрес и отправьте снова.`,
  report_not_rendered: () => "Отчёт ещё не подготовлен: его подготовит следующая рассылка.",
};

/** zod's English messages and ours, by their fixed wording; figures are carried over. */
const issues: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [/^Invalid input: expected \w+, received undefined$/, () => "обязательное поле"],
  [/^Invalid input: expected number, received \w+$/, () => "нужно число"],
  [/^Invalid input: expected (?:int|integer), received \w+$/, () => "нужно целое число"],
  [/^Invalid input/, () => "неверное значение"],
  [/^Too small: expected string to have >=1 characters?$/, () => "обязательное поле"],
  [/^Too big: expected string to have <=(\d+) characters?$/, (m) => `не больше ${m[1]} символов`],
  [/^Too small: expected string to have >=(\d+) characters?$/, (m) => `не меньше ${m[1]} символов`],
  [/^Too small: expected array to have >=1 items?$/, () => "нужен хотя бы один"],
  [/^Too big: expected array to have <=(\d+) items?$/, (m) => `не больше ${m[1]}`],
  [/^Too small: expected number to be >(-?\d+(?:\.\d+)?)$/, (m) => `должно быть больше ${m[1]}`],
  [/^Too small: expected number to be >=(-?\d+(?:\.\d+)?)$/, (m) => `не меньше ${m[1]}`],
  [/^Too big: expected number to be <(-?\d+(?:\.\d+)?)$/, (m) => `должно быть меньше ${m[1]}`],
  [/^Too big: expected number to be <=(-?\d+(?:\.\d+)?)$/, (m) => `не больше ${m[1]}`],
  [/^Invalid option/, () => "выберите значение из списка"],
  [/^Invalid ISO date/, () => "неверная дата"],
  [/^Invalid email/, () => "неверный адрес e-mail"],
  [/^Invalid (?:string|URL|url)/, () => "неверный формат"],
  [/^unknown field$/, () => "лишнее поле"],
  [/^must not be before start$/, () => "не раньше начала"],
  [/^the attempt is in the future/, () => "это время ещё не наступило: записывайте попытку, когда она сделана"],
  [/^must not be in the future$/, () => "не может быть в будущем"],
  [/^must be in the future$/, () => "должно быть в будущем"],
  [/^must not be before from$/, () => "не раньше первого дня (поле «С»)"],
  [/^give both from and to, or neither$/, () => "укажите оба дня или ни одного"],
  [/^a report covers at most (\d+) days$/, (m) => `отчёт охватывает не больше ${m[1]} дн.`],
  [/^name at least one target$/, () => "укажите хотя бы одну цель"],
  [/^must list at least one item$/, () => "нужен хотя бы один пункт"],
  [/^must not be empty$/, () => "обязательное поле"],
  [/^must be a real date written YYYY-MM-DD/, () => "выберите день в календаре"],
  [/^say what was learned/, () => "напишите, чему научились: без вывода гипотезу не закрыть"],
  [/^must be a positive amount with at most two decimals$/, () => "нужна сумма больше нуля, например 600 000 или 600 000,50"],
  [/^must be a non-negative amount with at most two decimals$/, () => "нужна сумма, например 600 000 или 600 000,50 (не меньше нуля)"],
  [/^an amoCRM id: digits only, at most 20$/, () => "номер amoCRM: только цифры, не больше 20"],
  [/^at most (\d+) entries$/, (m) => `не больше ${m[1]} записей`],
  [/^person \S+ is not a lead manager$/, () => "этот сотрудник не менеджер по новым лидам"],
  [/^person \S+ is not a manager$/, () => "этот сотрудник не менеджер"],
  [/^each person once$/, () => "каждого менеджера — один раз"],
];

/**
 * zod's number bounds said in plain English; every other English message is already the page's words.
 * The bound ends the sentence, so a percent field's form can say it as a percent (forms.ts inPercent).
 */
const englishIssues: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [/^Too small: expected number to be >(-?\d+(?:\.\d+)?)$/, (m) => `must be more than ${m[1]}`],
  [/^Too small: expected number to be >=(-?\d+(?:\.\d+)?)$/, (m) => `must be at least ${m[1]}`],
  [/^Too big: expected number to be <(-?\d+(?:\.\d+)?)$/, (m) => `must be less than ${m[1]}`],
  [/^Too big: expected number to be <=(-?\d+(?:\.\d+)?)$/, (m) => `must be at most ${m[1]}`],
];

const russian = (text: string) => /[а-яё]/i.test(text);

export const refusals = {
  /** One unmet condition of a hypothesis' move (the gate's own are told by the hypothesis texts). */
  transition: t(
    (refusal: Refusal) => {
      if (refusal.code === "reason_missing") return "Чтобы закрыть гипотезу, укажите причину.";
      if (refusal.code === "probe_not_started") return `Проба ещё не началась: она начинается ${refusal.start}.`;
      if (refusal.code === "no_leads") return "У гипотезы ещё нет ни одного лида, а для анализа нужен хотя бы один.";
      if (refusal.code === "rules_missing") return "Регламент ещё не записан: укажите ответственного, как обрабатываются лиды, и чек-лист.";
      return "Условие перехода не выполнено.";
    },
    (refusal: Refusal) => refusal.sentence,
  ),
  /** The summary of a refusal: the page's own Russian words, else the code's, else a plain refusal. */
  message: t(
    (code: string, details: Details, message: string) => (russian(message) ? message : (codes[code]?.(details) ?? "Действие не выполнено: сервер отказал.")),
    (_code: string, _details: Record<string, unknown>, message: string) => message,
  ),
  issue: t(
    (message: string) => {
      if (russian(message)) return message;
      for (const [pattern, words] of issues) {
        const match = pattern.exec(message);
        if (match) return words(match);
      }
      return "неверное значение";
    },
    (message: string) => {
      for (const [pattern, words] of englishIssues) {
        const match = pattern.exec(message);
        if (match) return words(match);
      }
      return message;
    },
  ),
};
