import { numbersIn } from "@parom/core/format";
import type { KpiName } from "@parom/core/kpi";
import type { Verdict } from "@parom/core/stats";
import { t, type Text } from "./text.js";
import { enDays, dayWord, leadWord, ruDays, sentence } from "./plural.js";
import { report } from "./report.js";
import { quality } from "./quality.js";
import { reconciliation } from "./reconciliation.js";

// The forecast's lead counts, written as each language writes numbers.
const en = numbersIn("en");
const ru = numbersIn("ru-RU");

/**
 * Texts of the decision pages (KPIs, gate, approvals, cohorts, funnel, forecast, optimizations; the
 * contractor report, quality and reconciliation in files of their own), hooked into catalog.ts as `decisions`.
 * Figures arrive already formatted for the locale.
 */
export const decisions = {
  nav: { quality: t("Качество", "Quality"), reconciliation: t("Сверка", "Reconciliation"), myReport: t("Мой отчёт", "My report") },
  verdict: {
    met: t("выполнено", "met"),
    not_met: t("не выполнено", "not met"),
    insufficient_data: t("недостаточно данных", "insufficient data"),
  } satisfies Record<Verdict, Text<string>>,
  kpi: {
    title: t("Показатели и цели", "KPIs against targets"),
    names: {
      leads: t("Лиды", "Leads"),
      qualifiedRate: t("Доля квалифицированных", "Qualified leads"),
      conversion: t("Конверсия в сделку", "Conversion to a deal"),
      cpl: t("Стоимость лида", "Cost per lead"),
      cac: t("Стоимость клиента", "Cost per client"),
      romi: t("ROMI", "ROMI"),
      averageDeal: t("Средняя сделка", "Average deal"),
      medianDaysToWin: t("Дней до сделки (медиана)", "Days to a deal (median)"),
      spend: t("Расход", "Spend"),
    } satisfies Record<KpiName, Text<string>>,
    chartTitle: t("Каждая цель против наблюдаемого значения и его 95% интервала", "Each target against the observed figure and its 95% interval"),
    atLeast: t((value) => `≥ ${value}`, (value: string) => `≥ ${value}`),
    atMost: t((value) => `≤ ${value}`, (value: string) => `≤ ${value}`),
    target: t((bound) => `цель ${bound}`, (bound: string) => `target ${bound}`),
    probability: t((p) => `вероятность, что цель достигнута: ${p}`, (p: string) => `chance the target is met: ${p}`),
    noFigure: t("пока нет значения", "no figure yet"),
    row: t(
      (name, observed, interval, target, verdict, probability) =>
        `${name}: наблюдается ${observed}${interval ? `, 95% интервал ${interval}` : ""}, цель ${target}: ${verdict}, ${probability}.`,
      (name: string, observed: string, interval: string | null, target: string, verdict: string, probability: string) =>
        `${name}: observed ${observed}${interval ? `, 95% interval ${interval}` : ""}, target ${target}: ${verdict}, ${probability}.`,
    ),
    kpi: t("Показатель", "KPI"),
    observed: t("Наблюдается", "Observed"),
    interval: t("95% интервал", "95% interval"),
    targetColumn: t("Цель", "Target"),
    verdictColumn: t("Вердикт", "Verdict"),
    probabilityColumn: t("Вероятность, что цель достигнута", "Chance the target is met"),
    days: t((days) => `${days} дн.`, (days: string) => `${days} d`),
    noTargets: t("Цели не заданы, судить не о чем; значения ниже.", "No targets are set, so nothing is judged; the figures are below."),
    spendMissing: t(
      (count, days) =>
        `Нет расходов за ${ruDays(count)} с лидами (${days}). Стоимость лида, стоимость клиента и ROMI не оцениваются, пока расходы этих дней не загружены (0 тоже считается) или кампания не отмечена как бесплатная.`,
      (count: number, days: string) =>
        `Spend missing for ${enDays(count)} with leads (${days}). Cost per lead, cost per client and ROMI are not judged until the spend of those days is imported (0 counts), or the campaign is marked unpaid.`,
    ),
    maturing: t(
      (leads, day) =>
        `${sentence(`На ${day}`)} Лидов из когорт моложе срока созревания: ${leads} (они входят в лиды, стоимость лида и долю квалифицированных, но ещё не в конверсию, стоимость клиента и ROMI).`,
      (leads: string, day: string) => `As of ${day}. Leads of cohorts younger than the maturity period: ${leads} (they count for leads, CPL and qualified rate, not yet for conversion, CAC and ROMI).`,
    ),
  },
  gate: {
    title: t("Условие масштабирования", "Scale-out gate"),
    passed: t(
      (count, confidence) => `Выполнено: все цели (${count}) достигнуты с уверенностью не ниже ${confidence}.`,
      (count: number, confidence: string) => `Passed: all ${count} targets are met with at least ${confidence} certainty.`,
    ),
    notPassed: t(
      (met, count) => `Не выполнено: достигнуто целей ${met} из ${count}.`,
      (met: number, count: number) => `Not passed: ${met} of ${count} targets met.`,
    ),
    noTargets: t("Не выполнено: у гипотезы нет целей, доказывать нечего.", "Not passed: the hypothesis has no targets, so there is nothing proven."),
    missing: t("Чего не хватает", "What is missing"),
    needLeads: t(
      (min, have) => `нужно не меньше ${min} лидов, есть ${have}`,
      (min: string, have: string) => `needs at least ${min} leads, has ${have}`,
    ),
    needClients: t(
      (min, have) => `нужно не меньше ${min} клиентов, есть ${have}`,
      (min: string, have: string) => `needs at least ${min} clients, has ${have}`,
    ),
    noEvidence: t("пока нет данных, чтобы судить", "no data to judge by yet"),
    unsure: t(
      (p, confidence) => `пока нет уверенности: вероятность, что цель достигнута, ${p}, нужно ${confidence}`,
      (p: string, confidence: string) => `not certain yet: the chance the target is met is ${p}, ${confidence} is required`,
    ),
    observedMisses: t(
      (observed, target) => `наблюдаемое ${observed} пока не достигает ${target}`,
      (observed: string, target: string) => `the observed ${observed} still misses ${target}`,
    ),
    notMet: t(
      (p) => `не достигнуто: вероятность, что цель достигнута, всего ${p}`,
      (p: string) => `missed: the chance the target is met is only ${p}`,
    ),
    /** How far a verdict is, if leads keep coming as they have (kpi/judgement.ts, Decision). */
    heading: t(
      (likely, leads, days) =>
        `при нынешних цифрах ${likely === "met" ? "цель подтвердится" : "станет ясно, что цель не достигнута,"} примерно через ${ru.number(leads)} ${leadWord(leads)}` +
        (days === null ? "" : ` (около ${days} ${dayWord(days)})`),
      (likely: "met" | "not_met", leads: number, days: number | null) =>
        `at the figures so far, ${likely === "met" ? "it will show as met" : "it will show as missed"} after about ${en.number(leads)} more leads` +
        (days === null ? "" : ` (about ${days} day${days === 1 ? "" : "s"})`),
    ),
    beyondProbe: t("до конца пробы столько лидов не наберётся", "more than the probe window will bring"),
    outOfSight: t("вердикта не видно: показатель держится у самой цели", "no verdict in sight: the figure sits on the target"),
    spendMissing: t(
      (count) => `нет расходов за ${ruDays(count)}: лиды без их стоимости — не бесплатные лиды`,
      (count: number) => `spend missing for ${enDays(count)}: leads without their cost are not free leads`,
    ),
    maturingNote: t(
      (leads) => `Лидов ещё созревает: ${leads}; значения ещё сдвинутся.`,
      (leads: string) => `${leads} leads are still maturing and will move the figures.`,
    ),
  },
  approval: {
    title: t("Решение владельца", "Owner's decision"),
    intro: t(
      "Одобрение переводит гипотезу в масштабирование; вместе с решением сохраняется условие в нынешнем виде.",
      "Approving moves the hypothesis to Scale-out; the gate as it stands now is kept with the decision.",
    ),
    comment: t("Комментарий", "Comment"),
    approve: t("Одобрить масштабирование", "Approve scale-out"),
    reject: t("Отклонить", "Reject"),
    onlyOwner: t("О масштабировании решает только владелец.", "Only the owner decides on scale-out."),
    notInOptimization: t(
      "О масштабировании решают, когда гипотеза на этапе оптимизации.",
      "Scale-out is decided once the hypothesis is in Optimization.",
    ),
    gateShut: t(
      "Условие не выполнено, поэтому одобрение будет отклонено; отказ записать можно.",
      "The gate does not pass, so an approval will be refused; a rejection can be recorded.",
    ),
    history: t("Решения", "Decisions"),
    decision: { approve: t("✓ одобрено", "✓ approved"), reject: t("✕ отклонено", "✕ rejected") },
    by: t((role) => `— ${role}`, (role: string) => `by ${role}`),
    gateThen: t(
      (passed) => (passed ? "условие тогда выполнялось" : "условие тогда не выполнялось"),
      (passed: boolean): string => (passed ? "gate passed at the time" : "gate not passed at the time"),
    ),
    /** After an approval that set the budget to scale out with. */
    budget: t((money) => `новый бюджет: ${money}`, (money: string) => `new budget: ${money}`),
  },
  cohorts: {
    title: t("Когорты", "Cohorts"),
    byMonth: t("по месяцам", "by month"),
    byWeek: t("по неделям", "by week"),
    chartTitle: t(
      (unit) => `Выигранные сделки по когортам прихода (${unit}), нарастающим итогом по возрасту`,
      (unit: string) => `Won deals per arrival cohort (${unit}), cumulative by age`,
    ),
    period: t(
      (k, by) => (by === "month" ? `месяц ${k}` : `неделя ${k}`),
      (k: number, by: "month" | "week") => (by === "month" ? `month ${k}` : `week ${k}`),
    ),
    cohortLeads: t((cohort, leads) => `${cohort} · лидов ${leads}`, (cohort: string, leads: string) => `${cohort} · ${leads} leads`),
    cell: t((won, share) => `${won} · ${share}`, (won: string, share: string) => `${won} · ${share}`),
    maturing: t("созревает", "maturing"),
    legendShade: t("Темнее — больше лидов когорты стали сделками.", "Darker: more of the cohort's leads won."),
    legendHatch: t("Штриховка — когорта ещё созревает, число может вырасти.", "Hatched: still maturing, the figure may grow."),
    desc: t(
      (cohort, period, won, share, maturing) => `${cohort}, ${period}: сделок ${won} (${share})${maturing ? ", ещё созревает" : ""}.`,
      (cohort: string, period: string, won: string, share: string, maturing: boolean) =>
        `${cohort}, ${period}: ${won} won (${share})${maturing ? ", still maturing" : ""}.`,
    ),
    cohort: t("Когорта", "Cohort"),
    leads: t("Лиды", "Leads"),
    spend: t("Расход", "Spend"),
    won: t("Сделки", "Won"),
    revenue: t("Выручка", "Revenue"),
    cac: t("Стоимость клиента", "CAC"),
    romi: t("ROMI", "ROMI"),
    status: t("Статус", "Status"),
    mature: t("созрела", "mature"),
    empty: t("Лидов пока нет.", "No leads yet."),
  },
  funnel: {
    title: t("Воронка", "Funnel"),
    chartTitle: t(
      "Сколько лидов дошло до каждого этапа и сколько отсеялось между этапами",
      "Leads reaching each stage, with the drop-off between stages",
    ),
    reached: t((count, share) => `${count} (${share})`, (count: string, share: string) => `${count} (${share})`),
    step: t(
      (passed, dropped) => `дальше ${passed}, отсеялось ${dropped}`,
      (passed: string, dropped: string) => `${passed} go on, ${dropped} drop off`,
    ),
    largest: t(
      (from, to, share, dropped) => `Самый большой отсев: ${from} → ${to}: ${share} лидов (${dropped}) не прошли дальше.`,
      (from: string, to: string, share: string, dropped: string) => `Largest drop-off: ${from} → ${to}: ${share} of the leads (${dropped}) did not get further.`,
    ),
    largestMark: t("самый большой отсев", "largest drop-off"),
    lostReasons: t("Почему лиды потеряны", "Why leads were lost"),
    reason: t("Причина", "Reason"),
    count: t("Лиды", "Leads"),
    noLost: t("Потерянных лидов нет.", "No lead is lost."),
    maturing: t(
      (leads) => `Лидов ещё молодых: ${leads}; они могут пройти дальше, поэтому отсев пока завышен.`,
      (leads: string) => `${leads} leads are young and may still move on, which inflates the drop-off.`,
    ),
    empty: t("Лидов пока нет.", "No leads yet."),
  },
  forecast: {
    title: t("Прогноз", "Forecast"),
    intro: t(
      "Что принесёт бюджет, если канал продолжит работать, как его созревшие когорты.",
      "What a budget would bring if the channel keeps performing as its mature cohorts did.",
    ),
    budget: t("Бюджет", "Budget"),
    submit: t("Рассчитать", "Forecast"),
    chartTitle: t((budget) => `Что принесут ${budget}, с 80% интервалами`, (budget: string) => `What ${budget} would bring, with 80% intervals`),
    leads: t("Лиды", "Leads"),
    notQualified: t("не квалифицированы", "not qualified"),
    qualified: t("Квалифицированы", "Qualified"),
    notWon: t("без сделки", "not won"),
    won: t("Сделки", "Deals"),
    interval: t((lo, hi) => `80%: ${lo}–${hi}`, (lo: string, hi: string) => `80%: ${lo}–${hi}`),
    revenue: t("Выручка", "Revenue"),
    romi: t("ROMI", "ROMI"),
    moneyTitle: t("Бюджет и выручка, которую он принесёт", "Budget against the revenue it would bring"),
    basis: t(
      (leads, won, cpl) => `По ${leads} созревшим лидам и ${won} сделкам; лид стоил ${cpl}.`,
      (leads: string, won: string, cpl: string) => `Based on ${leads} mature leads and ${won} deals; a lead cost ${cpl}.`,
    ),
    noLeads: t("Прогноза нет: лидов пока нет.", "No forecast: no leads yet."),
    noMature: t(
      (days) => `Прогноза нет: созревших лидов пока нет (день когорты созревает через ${days} дн.).`,
      (days: string) => `No forecast: no mature leads yet (a cohort day counts once it is ${days} days old).`,
    ),
    noSpend: t(
      "Прогноза нет: на созревшие дни когорт нет расхода, стоимость лида неизвестна.",
      "No forecast: no spend on the mature cohort days, so the cost of a lead is unknown.",
    ),
    spendMissing: t(
      (count) => `Прогноза нет: нет расходов за ${ruDays(count)} созревших когорт с лидами, стоимость лида неизвестна.`,
      (count: number) => `No forecast: spend missing for ${enDays(count)} of mature cohorts with leads, so the cost of a lead is unknown.`,
    ),
    noWins: t("Прогноза нет: среди созревших лидов пока нет сделок.", "No forecast: no deal won among the mature leads yet."),
    badBudget: t("Введите положительную сумму, например 100000 или 100000.50.", "Type a positive amount, e.g. 100000 or 100000.50."),
  },
  optimizations: {
    title: t("Оптимизации", "Optimizations"),
    none: t("Оптимизаций пока нет.", "No optimization recorded yet."),
    area: t("Область", "Area"),
    areas: {
      audience: t("аудитория", "audience"),
      channel: t("канал", "channel"),
      placement: t("размещение", "placement"),
      process: t("процесс", "process"),
    },
    since: t((day) => `с ${day}`, (day: string) => `from ${day}`),
    change: t("Что изменили", "What was changed"),
    startedOn: t("С какого дня действует", "First day it applies to"),
    record: t("Записать оптимизацию", "Record optimization"),
    windows: t(
      (days, before, after) => `${days} дн. до (${before}) против ${days} дн. после (${after})`,
      (days: string, before: string, after: string) => `${days} days before (${before}) against ${days} days after (${after})`,
    ),
    startsLater: t((day) => sentence(`Сравнивать пока рано: действует с ${day}`), (day: string) => `Not comparable yet: it starts on ${day}.`),
    sameDay: t(
      "Сравнить нельзя: в тот же день началась другая оптимизация, их эффекты не разделить.",
      "Not comparable: another optimization started the same day, so their effects cannot be told apart.",
    ),
    before: t("до", "before"),
    after: t("после", "after"),
    chartTitle: t(
      (change) => `Доли до и после «${change}», с 95% интервалами`,
      (change: string) => `Rates before and after “${change}”, with 95% intervals`,
    ),
    improved: {
      improved: t("улучшилось", "improved"),
      worse: t("ухудшилось", "worse"),
      unclear: t("неясно", "unclear"),
      insufficient_data: t("недостаточно данных", "insufficient data"),
    },
    rateChange: t(
      (name, verdict, p) => `${name}: ${verdict} (вероятность, что стало лучше: ${p})`,
      (name: string, verdict: string, p: string) => `${name}: ${verdict} (chance it got better: ${p})`,
    ),
    figure: t("Показатель", "Figure"),
  },
  report,
  quality,
  reconciliation,
};
