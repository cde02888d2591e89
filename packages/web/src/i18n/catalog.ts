import type { Stage } from "@parom/core/hypothesis";
import type { LeadStage } from "@parom/core/lead";
import { t, type Text } from "./text.js";
import { enDays, ruDays, ruPlural } from "./plural.js";
import { hypothesis } from "./hypothesis.js";
import { leads } from "./leads.js";
import { quarantine } from "./quarantine.js";
import { decisions } from "./decisions.js";
import { results } from "./results.js";
import { daily } from "./daily.js";
import { sales } from "./sales.js";
import { team } from "./team.js";
import { tags } from "./tags.js";
import { status } from "./status.js";
import { review } from "./review.js";
import { resend } from "./resend.js";
import { sourceMaps } from "./sources.js";
import { access } from "./access.js";
import { words } from "./words.js";
import { refusals } from "./refusals.js";
import { edit } from "./edit.js";
import { backlog } from "./backlog.js";

/**
 * The page texts, each in Russian and English side by side (`t(ru, en)`, text.ts); index.ts turns the
 * catalog into one `Messages` object per language. A text without both languages, or a Russian one that
 * does not fit the English one's type, fails typecheck. Texts with figures are functions.
 */
export const catalog = {
  locale: t("ru-RU", "en-GB"),
  app: {
    name: t("Паром", "Parom"),
    tagline: t(
      "Эксперименты с каналами продаж: проба, анализ, регламент, оптимизация, масштабирование",
      "Sales channel experiments: Probe, Analysis, Rules, Optimization, Scale-out",
    ),
  },
  nav: {
    label: t("Главное меню", "Main"),
    board: t("Доска", "Board"),
    leads: t("Лиды", "Leads"),
    quarantine: t("Карантин", "Quarantine"),
    spend: t("Расходы", "Spend"),
    sources: t("Источники", "Sources"),
    contractors: t("Подрядчики", "Contractors"),
    myCampaigns: t("Мои кампании", "My campaigns"),
    signOut: t("Выйти", "Sign out"),
    language: t("Язык", "Language"),
    skip: t("К содержанию", "Skip to content"),
    signedInAs: t((role) => `Вход: ${role}`, (role: string) => `Signed in as ${role}`),
  },
  role: {
    owner: t("владелец", "owner"),
    marketer: t("маркетолог", "marketer"),
    contractor: t("подрядчик", "contractor"),
    manager: t("менеджер", "manager"),
    sales_head: t("руководитель отдела продаж", "head of sales"),
  },
  signIn: {
    title: t("Вход", "Sign in"),
    intro: t(
      "Вставьте выданный вам API-ключ. Браузер хранит не ключ, а сеанс: он длится до 7 дней, заканчивается после 12 часов без действий и при выходе.",
      "Paste the API key you were given. This browser keeps a session, not the key: it lasts up to 7 days, ends after 12 hours without use, and at sign-out.",
    ),
    key: t("API-ключ", "API key"),
    keyHint: t(
      "Ключ владельца печатает npm start; владелец выдаёт ключи маркетологам, подрядчикам и отделу продаж. Демо (npm run demo) печатает ключи подрядчиков и отдела продаж (менеджеров и руководителя) и хранит их в .data/demo-contractor-keys.json и .data/demo-sales-keys.json.",
      "npm start prints the owner key; the owner makes keys for marketers, contractors and the sales department. The demo (npm run demo) prints the keys of the contractors and of the sales department (the managers and the head of sales) and keeps them in .data/demo-contractor-keys.json and .data/demo-sales-keys.json.",
    ),
    submit: t("Войти", "Sign in"),
    badKey: t("Такой API-ключ неизвестен или отозван.", "This API key is unknown or revoked."),
    ended: t(
      "Сеанс завершён: истёк срок, вы вышли или ключ отозван. Войдите снова.",
      "Your session ended: it expired, you signed out, or the key was revoked. Sign in again.",
    ),
    tooMany: t(
      (minutes: number) => `Слишком много неверных попыток входа. Попробуйте снова через ${minutes} ${ruPlural(minutes, ["минуту", "минуты", "минут"])}.`,
      (minutes: number) => `Too many wrong sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    ),
    notConfigured: t(
      "Вход в веб-интерфейс выключен: задайте COOKIE_SECRET для этого развёртывания.",
      "Web sign-in is off: set COOKIE_SECRET for this deployment.",
    ),
  },
  stage: {
    idea: t("Идея", "Idea"),
    probe: t("Проба", "Probe"),
    analysis: t("Анализ", "Analysis"),
    rules: t("Регламент", "Rules"),
    optimization: t("Оптимизация", "Optimization"),
    scale: t("Масштаб", "Scale"),
    closed: t("Закрыта", "Closed"),
  } satisfies Record<Stage, Text<string>>,
  leadStage: {
    new: t("Новый", "New"),
    contacted: t("Контакт", "Contacted"),
    qualified: t("Квалифицирован", "Qualified"),
    proposal: t("КП", "Proposal"),
    won: t("Сделка", "Won"),
    lost: t("Потерян", "Lost"),
  } satisfies Record<LeadStage, Text<string>>,
  board: {
    title: t("Доска", "Board"),
    newHypothesis: t("Новая гипотеза", "New hypothesis"),
    empty: t("Пусто", "Nothing here"),
    closed: t((count) => `Закрытые (${count})`, (count: number) => `Closed (${count})`),
    spend: t("Расход", "Spend"),
    spendOf: t((spent, budget) => `${spent} из ${budget}`, (spent: string, budget: string) => `${spent} of ${budget}`),
    spendMissing: t((days) => `нет расходов за ${ruDays(days)}`, (days: number) => `spend missing for ${enDays(days)}`),
    leads: t("Лиды", "Leads"),
  },
  hypothesis,
  leads,
  quarantine,
  spend: {
    title: t("Расходы", "Spend"),
    intro: t(
      "Загрузите выгрузку Яндекс.Директа, Google Рекламы или VK Рекламы либо CSV с колонками",
      "Upload an export from Yandex.Direct, Google Ads or VK Ads, or a CSV with the columns",
    ),
    file: t("Файл", "File"),
    text: t("Или вставьте содержимое", "Or paste the content"),
    format: t("Формат", "Format"),
    detect: t("определить по содержимому", "detect from the content"),
    micros: t("Деньги в микроединицах", "Money in micro-units"),
    upload: t("Загрузить", "Import"),
    nothing: t("Выберите файл или вставьте содержимое.", "Choose a file or paste the content."),
    result: t("Результат", "Result"),
    imported: t((count) => `Загружено строк: ${count}`, (count: number) => `Imported: ${count} rows`),
    replaced: t((count) => `Заменили прежнюю сумму: ${count}`, (count: number) => `Replaced an earlier figure: ${count}`),
    rejected: t((count) => `Отклонено: ${count}`, (count: number) => `Rejected: ${count}`),
    row: t("Строка", "Row"),
    errors: t("Причина", "Why"),
    platformCampaign: t("Кампания в системе", "Platform campaign"),
  },
  sources: {
    title: t("Источники", "Sources"),
    intro: t(
      "Каждый источник лидов (сайт на Tilda, аккаунт amoCRM, своя форма) шлёт данные на свой адрес вебхука.",
      "Each lead source (a Tilda site, an amoCRM account, your own form) posts to its own webhook URL.",
    ),
    name: t("Название", "Name"),
    format: t("Формат", "Format"),
    create: t("Создать источник", "Create source"),
    empty: t("Источников пока нет.", "No sources yet."),
    webhookUrl: t("Адрес вебхука", "Webhook URL"),
    curl: t("Проверка через curl", "Try it with curl"),
    copy: t("Копировать", "Copy"),
    copied: t("Скопировано", "Copied"),
  },
  contractors: {
    title: t("Подрядчики", "Contractors"),
    name: t("Название", "Name"),
    create: t("Добавить подрядчика", "Add contractor"),
    empty: t("Подрядчиков пока нет.", "No contractors yet."),
    campaigns: t("Кампании", "Campaigns"),
    noCampaigns: t("кампаний нет", "no campaigns"),
    hypothesis: t("Гипотеза", "Hypothesis"),
    latestReports: t("Последние отчёты", "Latest reports"),
    noReports: t(
      "Отчёты ещё не отправлялись: недельный уходит по понедельникам, месячный — 1-го числа.",
      "No report mailed yet: the weekly one goes out on Mondays, the monthly one on the 1st.",
    ),
    period: { weekly: t("недельный", "weekly"), monthly: t("месячный", "monthly") },
    status: { sent: t("отправлен", "sent"), sending: t("отправляется", "sending"), failed: t("не отправлен", "not sent") },
    reportLine: t(
      (period: string, days: string, status: string) => `${period}, ${days}: ${status}`,
      (period: string, days: string, status: string) => `${period}, ${days}: ${status}`,
    ),
  },
  contractorHome: {
    title: t("Мои кампании", "My campaigns"),
    intro: t("Ваши кампании: лиды и расходы на сегодня.", "Your campaigns with their leads and spend so far."),
    empty: t("Вам пока не назначено ни одной кампании.", "No campaigns are assigned to you yet."),
  },
  notice: {
    created: t("Создано.", "Created."),
    campaignAdded: t("Кампания добавлена.", "Campaign added."),
    campaignUpdated: t("Кампания изменена.", "Campaign updated."),
    moved: t("Этап изменён.", "Stage changed."),
    rulesSaved: t("Регламент сохранён.", "Rules saved."),
    edited: t("Изменения сохранены.", "Changes saved."),
    replayed: t("Повторено: вызов прошёл.", "Replayed: the call went through."),
    approved: t("Масштабирование одобрено: гипотеза на этапе масштабирования.", "Scale-out approved: the hypothesis is in Scale."),
    rejected: t("Отказ записан.", "Rejection recorded."),
    optimizationRecorded: t("Оптимизация записана.", "Optimization recorded."),
    attemptRecorded: t("Попытка связаться записана.", "Contact attempt recorded."),
    attemptLost: t(
      "Попытка записана: лид потерян: не дозвонились за пять попыток.",
      "Contact attempt recorded: the lead is lost: not reached in five attempts.",
    ),
    attemptRestored: t(
      "Попытка записана: лид вернулся на этап, которого достиг.",
      "Contact attempt recorded: the lead is back at the stage it had reached.",
    ),
    promoted: t("Идея стала пробой.", "The idea is a probe now."),
    ruleSaved: t("Правило сохранено.", "Rule saved."),
    entryRemoved: t("Запись убрана.", "Entry removed."),
  },
  form: {
    problems: t("В форме есть ошибки:", "The form has problems:"),
    required: t("обязательно", "required"),
    optional: t("необязательно", "optional"),
  },
  upload: {
    encoding: t("Кодировка файла", "File encoding"),
    detect: t("определить: UTF-8, иначе Windows-1251", "detect: UTF-8, else Windows-1251"),
    windows1251: t("Windows-1251 (Excel, 1С)", "Windows-1251 (Excel, 1C)"),
    readAs: t((encoding) => `Файл прочитан в кодировке ${encoding}.`, (encoding: string) => `The file was read as ${encoding}.`),
    invalid: t(
      (encoding, position) => `Файл не читается в кодировке ${encoding}: байт № ${position} в ней невозможен. Выберите кодировку, в которой файл сохранён.`,
      (encoding: string, position: number) => `The file cannot be read as ${encoding}: byte #${position} is not possible there. Choose the encoding the file was saved in.`,
    ),
    unknown: t(
      (label) => `Кодировка «${label}» не поддерживается. Выберите UTF-8, Windows-1251 или KOI8-R.`,
      (label: string) => `The encoding "${label}" is not supported. Choose UTF-8, Windows-1251 or KOI8-R.`,
    ),
  },
  error: {
    title: t("Что-то пошло не так", "Something went wrong"),
    notFound: t("Не найдено: такой страницы или записи нет.", "Not found: this page or record does not exist."),
    forbidden: t("Вашей роли эта страница недоступна.", "Your role may not open this page."),
    badCursor: t(
      "Ссылка на страницу списка повреждена или взята из другого списка (неверный курсор). Откройте список с первой страницы.",
      "This page link is damaged or from another list (its cursor is not one we gave). Open the list from its first page.",
    ),
    badRedirect: t(
      "Адрес возврата в ссылке содержит управляющий символ, переход отклонён. Откройте страницу через меню.",
      "The link's return address holds a control character; it was refused. Open the page from the menu.",
    ),
    csrf: t(
      "Форма отклонена: она отправлена не со страницы этого сайта. Обновите страницу и попробуйте снова.",
      "The form was refused: it did not come from this site's page. Reload the page and try again.",
    ),
    internal: t(
      (requestId) => `Непредвиденная ошибка. Сообщите код ${requestId}.`,
      (requestId: string) => `Unexpected error. Quote ${requestId} when reporting it.`,
    ),
    home: t("На главную", "Back to the start"),
  },
  decisions,
  results,
  daily,
  sales,
  team,
  tags,
  status,
  review,
  resend,
  sourceMaps,
  access,
  words,
  refusals,
  edit,
  backlog,
};
