import type { Stage } from "@parom/core/hypothesis";
import type { ContactChannel, ContactResult, LeadStage, TimeOfDay } from "@parom/core/lead";
import { t, type Text } from "./text.js";
import { enDays, ruDays, ruPlural, ruZone } from "./plural.js";
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
      "Ключ владельца печатает npm start; владелец выдаёт ключи маркетологам и подрядчикам.",
      "npm start prints the owner key; the owner makes keys for marketers and contractors.",
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
  hypothesis: {
    newTitle: t("Новая гипотеза", "New hypothesis"),
    create: t("Создать гипотезу", "Create hypothesis"),
    title: t("Название", "Title"),
    statement: t("Формулировка", "Statement"),
    statementHint: t(
      "Что вы ожидаете, в цифрах: «Реклама ВК даёт лиды дешевле 900 ₽, 5% из них покупают».",
      "What you expect, in figures: “VK ads bring leads under 900 ₽, 5% of them buy”.",
    ),
    channel: t("Канал", "Channel"),
    channelExample: t("например, ВКонтакте Реклама или холодные звонки", "e.g. VK Ads or cold calls"),
    responsible: t("Ответственный", "Responsible"),
    budget: t("Бюджет", "Budget"),
    currency: t("Валюта", "Currency"),
    probeStart: t("Начало пробы", "Probe starts"),
    probeEnd: t("Конец пробы", "Probe ends"),
    maturityDays: t("Созревание, дней", "Maturity, days"),
    maturityHint: t(
      "Сколько нужно лиду, чтобы стать сделкой; более молодые когорты не входят в конверсию.",
      "How long a lead needs to become a deal; younger cohorts do not count for conversion.",
    ),
    confidence: t("Уверенность", "Confidence"),
    confidenceHint: t(
      "С какой уверенностью цель должна считаться достигнутой, в процентах от 51 до 99, например 90.",
      "How sure the gate must be that a target is met, in percent from 51 to 99, e.g. 90.",
    ),
    targets: t("Цели", "Targets"),
    targetsHint: t(
      "Укажите хотя бы одну. Деньги в валюте гипотезы, доли в процентах.",
      "Name at least one. Money in the hypothesis currency, rates in percent.",
    ),
    cplMax: t("Цена лида, не больше", "Cost per lead, at most"),
    cacMax: t("Цена клиента, не больше", "Cost per client, at most"),
    qualifiedRateMin: t("Квалифицированных лидов, не меньше %", "Qualified leads, at least %"),
    conversionMin: t("Конверсия в сделку, не меньше %", "Conversion to a deal, at least %"),
    romiMin: t("ROMI, не меньше %", "ROMI, at least %"),
    minLeads: t("Лидов до вывода", "Leads needed before judging"),
    minClients: t("Клиентов до вывода", "Clients needed before judging"),
    stage: t("Этап", "Stage"),
    version: t((version) => `версия ${version}`, (version: number) => `version ${version}`),
    probe: t("Окно пробы", "Probe window"),
    campaigns: t("Кампании", "Campaigns"),
    noCampaigns: t(
      "Кампаний пока нет: лиды относятся к кампании по UTM-источнику и UTM-кампании.",
      "No campaigns yet: leads are attributed by their UTM source and campaign.",
    ),
    addCampaign: t("Добавить кампанию", "Add campaign"),
    utmSource: t("Метка источника (UTM)", "utm_source"),
    utmCampaign: t("Метка кампании (UTM)", "utm_campaign"),
    contractor: t("Подрядчик", "Contractor"),
    noContractor: t("нет (своя кампания)", "none (own campaign)"),
    platformIds: t("Номера кампаний в рекламной системе", "Ad-platform campaign ids"),
    platformIdsHint: t(
      "Необязательно, через запятую: по этим номерам выгрузки расходов называют кампанию.",
      "Optional, separated by commas: the ids spend exports name this campaign by.",
    ),
    paid: t("Расходы", "Cost"),
    paidYes: t("платная: нужны расходы за каждый день с лидами", "paid: needs spend for every day with leads"),
    paidNo: t("бесплатная: стоимость — сколько расходов записано", "unpaid: cost is whatever spend was recorded"),
    paidHint: t(
      "Бесплатная — для органики или холодной базы, расходы на которую учтены иначе; у платной стоимость лида и клиента ждёт расходов за каждый день.",
      "Unpaid is for organic traffic or a cold base whose cost is entered otherwise; a paid campaign's cost KPIs wait for every day's spend.",
    ),
    markUnpaid: t("Отметить бесплатной", "Mark unpaid"),
    markPaid: t("Отметить платной", "Mark paid"),
    transitions: t("Перевести", "Move"),
    moveTo: t((stage) => `Перевести в «${stage}»`, (stage: string) => `Move to ${stage}`),
    close: t("Закрыть", "Close"),
    closeReason: t("Причина закрытия", "Reason for closing"),
    scaleByApproval: t(
      "Масштабирование — только с одобрения владельца, когда все цели достигнуты.",
      "Scale-out happens through the owner's approval once the gate passes.",
    ),
    closedBecause: t((reason) => `Закрыта: ${reason}`, (reason: string) => `Closed: ${reason}`),
    moveReason: t("Причина, если по цели ещё рано судить", "Reason, if a target is still undecided"),
    moveReasonHint: t(
      "Чтобы выйти из анализа, пока по цели мало данных, напишите причину; она останется в истории.",
      "Leaving analysis while a target is short of data needs a written reason; it stays in the history.",
    ),
    refusedUndecided: t(
      (kpis) => `По целям пока рано судить, данных мало: ${kpis}. Чтобы выйти из анализа раньше, напишите причину; она останется в истории.`,
      (kpis: string) => `Targets still undecided for lack of data: ${kpis}. To leave analysis before they are decided, write a reason; it stays in the history.`,
    ),
    refusedNotMet: t(
      (kpis) => `Цели не достигнуты: ${kpis}. С недостигнутой целью гипотеза из анализа не выходит, даже с причиной.`,
      (kpis: string) => `Targets not met: ${kpis}. A hypothesis does not leave analysis with a target missed, reason or not.`,
    ),
    rules: t("Регламент", "Written rules"),
    noRules: t("Регламент ещё не записан.", "No rules written yet."),
    rulesResponsible: t("Ответственный за лиды", "Responsible for the leads"),
    leadHandling: t("Как обрабатываются лиды", "How leads are handled"),
    checklist: t("Чек-лист, по пункту в строке", "Checklist, one item per line"),
    saveRules: t("Сохранить новой версией", "Save as a new version"),
    rulesVersion: t((version, at) => `Версия ${version}, ${at}`, (version: number, at: string) => `Version ${version}, ${at}`),
    olderVersions: t("Прежние версии", "Earlier versions"),
    history: t("История", "History"),
    entry: {
      created: t("создана", "created"),
      transition: t("смена этапа", "stage changed"),
      rules: t("записан регламент", "rules written"),
      optimization: t("записана оптимизация", "optimization recorded"),
      edit: t("изменена", "edited"),
    },
    by: t((role) => `— ${role}`, (role: string) => `by ${role}`),
    leadsLink: t("Лиды этой гипотезы", "Leads of this hypothesis"),
  },
  leads: {
    title: t("Лиды", "Leads"),
    filter: t("Фильтр", "Filter"),
    hypothesis: t("Гипотеза", "Hypothesis"),
    campaign: t("Кампания", "Campaign"),
    stage: t("Этап", "Stage"),
    any: t("все", "any"),
    unattributed: t("Только лиды без кампании", "Only leads without a campaign"),
    apply: t("Показать", "Show"),
    empty: t("Подходящих лидов нет.", "No leads match."),
    next: t("Следующая страница", "Next page"),
    arrived: t("Поступил", "Arrived"),
    contact: t("Контакт", "Contact"),
    utm: t("UTM", "UTM"),
    amount: t("Сумма", "Amount"),
    detail: t("Лид", "Lead"),
    name: t("Имя", "Name"),
    phone: t("Телефон", "Phone"),
    email: t("E-mail", "E-mail"),
    cohortDay: t("День когорты", "Cohort day"),
    lostReason: t("Причина потери", "Lost reason"),
    responsible: t("Ответственный в CRM", "Responsible in the CRM"),
    crmUser: t(
      (id: string, name?: string) => (name ? `${name} (пользователь amoCRM № ${id})` : `пользователь amoCRM № ${id}`),
      (id: string, name?: string) => (name ? `${name} (amoCRM user #${id})` : `amoCRM user #${id}`),
    ),
    touches: t("Источники и касания", "Sources and touches"),
    touchesIntro: t(
      (sources: number) =>
        sources > 1
          ? `Этот человек пришёл из ${sources} источников: один лид, посчитан один раз; атрибуцию даёт первое касание с кампанией.`
          : "Лид пришёл из одного источника.",
      (sources: number) =>
        sources > 1
          ? `This person came through ${sources} sources: one lead, counted once; the first touch with a campaign gives the attribution.`
          : "One source delivered this lead.",
    ),
    touchAt: t("Пришёл", "Arrived"),
    touchSource: t("Источник", "Source"),
    importedSource: t("загружен из файла (без источника)", "imported (no source named)"),
    touchId: t("Номер в источнике", "Id at the source"),
    touchCampaign: t("Кампания", "Campaign"),
    noCampaign: t("без кампании", "no campaign"),
    otherCampaign: t("другая кампания (здесь не считается)", "another campaign (not counted here)"),
    stageHistory: t("История этапов", "Stage history"),
    noHistory: t("Этап ещё не менялся.", "No stage changes yet."),
    change: t((from, to) => `${from} → ${to}`, (from: string, to: string) => `${from} → ${to}`),
    /** Who made a stage change, from the actor the history keeps. */
    actor: {
      owner: t("владельцем", "by the owner"),
      key: t((suffix) => `ключом API …${suffix}`, (suffix: string) => `by API key …${suffix}`),
      crm: t("из CRM", "from the CRM"),
    },
    attempts: {
      title: t("Попытки связаться", "Contact attempts"),
      none: t("Попыток связаться ещё не было.", "No contact attempts yet."),
      summary: t(
        (count, unanswered) => `Попыток: ${count}, без ответа подряд: ${unanswered}.`,
        (count: number, unanswered: number) => `${count} ${count === 1 ? "attempt" : "attempts"}, ${unanswered} unanswered in a row.`,
      ),
      rule: t(
        (limit, days, timesOfDay, reason) =>
          `После ${limit} попыток подряд без ответа — не меньше чем за ${days} разных дня и в ${timesOfDay} разные части суток (утро, день, вечер) — лид теряется с причиной «${reason}».`,
        (limit: number, days: number, timesOfDay: number, reason: string) =>
          `After ${limit} unanswered attempts in a row over at least ${days} days and ${timesOfDay} times of day (morning, afternoon, evening) the lead is lost as "${reason}".`,
      ),
      channel: {
        phone: t("Телефон", "Phone"),
        email: t("E-mail", "E-mail"),
        messenger: t("Мессенджер", "Messenger"),
      } satisfies Record<ContactChannel, Text<string>>,
      result: { no_answer: t("без ответа", "no answer"), reached: t("дозвонились", "reached") } satisfies Record<ContactResult, Text<string>>,
      timeOfDay: {
        morning: t("утром", "morning"),
        afternoon: t("днём", "afternoon"),
        evening: t("вечером", "evening"),
        night: t("ночью", "at night"),
      } satisfies Record<TimeOfDay | "night", Text<string>>,
      record: t("Записать попытку", "Record an attempt"),
      at: t("Когда", "When"),
      atHint: t((timeZone) => `Время по часовому поясу «${ruZone(timeZone)}»`, (timeZone: string) => `Time in ${timeZone}`),
      channelLabel: t("Канал", "Channel"),
      resultLabel: t("Результат", "Result"),
      submit: t("Записать", "Record"),
    },
    none: t("—", "—"),
  },
  quarantine: {
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
  },
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
