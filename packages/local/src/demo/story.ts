/**
 * The demo's case, as data: «Сумки Опт», a wholesale bag maker, tests VK, Yandex.Direct and Google
 * Ads through three contractors, plus a bought base worked by its own callers. Days count back from
 * the demo's day (the day it was first loaded); history ends the day before it.
 */

/** Share of leads that get past each step: reached by phone, qualified, sent a proposal, won. */
export type Funnel = { contacted: number; qualified: number; proposal: number; won: number };

export type CampaignPlan = {
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
  /** Contractor name, or null for the company's own callers. */
  contractor: string | null;
  platformCampaignIds?: string[];
  /** False for a campaign whose cost is entered by hand rather than imported from an ad platform. */
  paid?: false;
  /** The first lead arrives this many days before the demo's day. */
  since: number;
  leadsPerWeekday: number;
  /** Weekend volume as a share of a weekday's (0: nobody calls on weekends). */
  weekend: number;
  /** Local hours leads arrive in, [from, to). */
  hours: [number, number];
  funnel: Funnel;
  /** Deal amounts in roubles, spread log-uniformly. */
  deal: [number, number];
  /** Why leads that never became qualified were lost; a reason listed twice is twice as common. */
  earlyLosses: string[];
  spend: { costPerLead: number } | { basePurchase: number; callersHourly: number; callers: number; hoursPerDay: number };
};

export type HypothesisPlan = {
  role: "ready" | "failing" | "maturing" | "calls" | "closed";
  title: string;
  statement: string;
  channel: string;
  responsible: string;
  budget: string;
  probe: { since: number; days: number };
  targets: Record<string, number | string>;
  /** Where the demo leaves it; it walks there through the public transitions. */
  stage: "probe" | "analysis" | "rules" | "optimization" | "closed";
  campaigns: CampaignPlan[];
  rules?: Array<{ responsible: string; leadHandling: string; checklist: string[] }>;
  /** Recorded with its start day; leads from then on follow `improved`. */
  optimization?: { area: "audience" | "channel" | "placement" | "process"; change: string; since: number; improved: Partial<Funnel> };
  closeReason?: string;
  /** What was learned, asked for at closing (the learnings archive shows it). */
  lesson?: string;
  /** Why it leaves analysis while a target may still be short of data (the guard asks for one then). */
  analysisReason?: string;
};

/** Who answers for the hypotheses and their rules, as the hypotheses' pages name them. */
const marketer = "Ольга Миронова, маркетолог";
const salesHead = "Анна Белова, руководитель отдела продаж";

export const contractors = [
  { name: "Директ Лаб", email: "report@direct-lab.example" },
  { name: "Таргет Про (VK Реклама)", email: "hello@target-pro.example" },
  { name: "Контекст Плюс (Google Ads)", email: "ads@context-plus.example" },
];

export const sources = {
  tilda: { name: "Сайт на Tilda: форма «Оптовый прайс»", format: "tilda" },
  amocrm: { name: "amoCRM: воронка «Опт»", format: "amocrm" },
} as const;

const siteLosses = ["нужна розница, не опт", "не наш ассортимент", "просто сравнивали цены", "ошиблись номером"];

/**
 * A contractor's pay-per-click campaign of site leads, the shape every ad campaign of the case
 * shares: its volume, funnel, deal amounts (roubles) and cost per lead; `extra` for what only some have.
 */
function cpcCampaign(
  utmSource: string,
  utmCampaign: string,
  contractor: string,
  volume: Pick<CampaignPlan, "since" | "leadsPerWeekday" | "weekend" | "hours">,
  funnel: Funnel,
  deal: CampaignPlan["deal"],
  costPerLead: number,
  extra: Partial<Pick<CampaignPlan, "platformCampaignIds" | "earlyLosses">> = {},
): CampaignPlan {
  return { utmSource, utmMedium: "cpc", utmCampaign, contractor, ...volume, funnel, deal, earlyLosses: siteLosses, spend: { costPerLead }, ...extra };
}

const yandexRules = [
  {
    responsible: salesHead,
    leadHandling:
      "Заявка с сайта попадает в amoCRM. Менеджер перезванивает в течение 15 минут в рабочее время, уточняет объём партии и модели, в тот же день отправляет прайс и образцы фото. Если клиент не ответил — три попытки за два дня, затем письмо.",
    checklist: ["перезвон ≤ 15 минут", "объём партии и модели записаны в сделку", "прайс отправлен в день обращения", "причина отказа выбрана из списка"],
  },
];

export const hypotheses: HypothesisPlan[] = [
  {
    role: "ready",
    title: "Яндекс.Директ: поиск «сумки оптом» приводит оптовиков",
    statement:
      "Поисковые кампании по запросам «сумки оптом», «женские сумки от производителя» и показы в РСЯ дают оптовые заявки с конверсией в сделку не ниже 5% при стоимости заявки до 1 500 ₽.",
    channel: "yandex_direct",
    responsible: marketer,
    budget: "600000",
    probe: { since: 90, days: 30 },
    targets: { conversionMin: 0.05, cplMax: "1500", cacMax: "25000", minLeads: 150, minClients: 12 },
    stage: "optimization",
    campaigns: [
      cpcCampaign("yandex", "opt_sumki_poisk", "Директ Лаб", { since: 90, leadsPerWeekday: 2.8, weekend: 0.45, hours: [8, 21] }, { contacted: 0.88, qualified: 0.52, proposal: 0.6, won: 0.38 }, [40_000, 300_000], 1_250, { platformCampaignIds: ["70812345"] }),
      cpcCampaign("yandex", "opt_sumki_rsya", "Директ Лаб", { since: 90, leadsPerWeekday: 1.2, weekend: 0.6, hours: [7, 23] }, { contacted: 0.82, qualified: 0.42, proposal: 0.55, won: 0.34 }, [30_000, 180_000], 850, { platformCampaignIds: ["70812377"] }),
    ],
    rules: yandexRules,
    optimization: {
      area: "process",
      change: "Перезвон по заявкам с сайта за 15 минут вместо «в течение дня»: заявки распределяются на дежурного менеджера",
      since: 45,
      improved: { contacted: 0.94, qualified: 0.56 },
    },
  },
  {
    role: "failing",
    title: "VK Реклама: look-alike по покупателям и ретаргетинг",
    statement:
      "Look-alike аудитория по базе оптовых клиентов и ретаргетинг на посетителей сайта приносят заявки дешевле 900 ₽ с долей квалифицированных не ниже 35% и конверсией в сделку не ниже 5%.",
    channel: "vk_ads",
    responsible: marketer,
    budget: "400000",
    probe: { since: 90, days: 30 },
    targets: { conversionMin: 0.05, qualifiedRateMin: 0.35, cplMax: "900", minLeads: 150 },
    stage: "analysis",
    campaigns: [
      cpcCampaign("vk", "opt_lookalike", "Таргет Про (VK Реклама)", { since: 90, leadsPerWeekday: 3, weekend: 0.9, hours: [9, 24] }, { contacted: 0.74, qualified: 0.28, proposal: 0.5, won: 0.12 }, [30_000, 150_000], 480, { earlyLosses: ["нужна розница, не опт", "нужна розница, не опт", "просто сравнивали цены", "не наш ассортимент"] }),
      cpcCampaign("vk", "retarget_site", "Таргет Про (VK Реклама)", { since: 90, leadsPerWeekday: 1.2, weekend: 0.9, hours: [9, 24] }, { contacted: 0.8, qualified: 0.33, proposal: 0.5, won: 0.2 }, [30_000, 160_000], 700),
    ],
  },
  {
    role: "maturing",
    title: "Google Ads: поиск по регионам для магазинов галантереи",
    statement:
      "Поисковая кампания Google Ads по регионам (Казань, Екатеринбург, Новосибирск) даёт оптовые заявки до 1 800 ₽ с конверсией в сделку не ниже 5%.",
    channel: "google_ads",
    responsible: marketer,
    budget: "300000",
    probe: { since: 18, days: 30 },
    targets: { conversionMin: 0.05, cplMax: "1800", minLeads: 40 },
    stage: "probe",
    campaigns: [
      cpcCampaign("google", "opt_regions_search", "Контекст Плюс (Google Ads)", { since: 18, leadsPerWeekday: 3.5, weekend: 0.5, hours: [8, 22] }, { contacted: 0.87, qualified: 0.5, proposal: 0.58, won: 0.36 }, [40_000, 280_000], 1_250),
    ],
  },
  {
    role: "calls",
    title: "Холодные звонки по купленной базе магазинов галантереи",
    statement:
      "Два оператора обзванивают купленную базу из 3 000 магазинов сумок и галантереи; заинтересованные получают прайс. Гипотеза: клиент обходится не дороже 30 000 ₽ при конверсии заинтересованных в сделку не ниже 4%.",
    channel: "cold_calls",
    responsible: salesHead,
    budget: "300000",
    probe: { since: 75, days: 30 },
    targets: { conversionMin: 0.04, cacMax: "30000", minClients: 5 },
    stage: "rules",
    analysisReason: "Регламент пишем, пока идёт обзвон: цену клиента и конверсию проверим на оптимизации, когда сделок станет не меньше пяти.",
    campaigns: [
      {
        utmSource: "cold_calls",
        utmMedium: "phone",
        utmCampaign: "baza_galantereya_2026",
        contractor: null,
        // Its cost is the base and the callers' hours, entered by hand: no ad platform reports it daily.
        paid: false,
        since: 75,
        leadsPerWeekday: 2.5,
        weekend: 0,
        hours: [10, 18],
        funnel: { contacted: 1, qualified: 0.5, proposal: 0.5, won: 0.35 },
        deal: [50_000, 300_000],
        earlyLosses: ["работают с одним поставщиком", "не наш ассортимент", "магазин закрывается"],
        // The base once, then two callers' hours on every working day.
        spend: { basePurchase: 45_000, callersHourly: 300, callers: 2, hoursPerDay: 4 },
      },
    ],
    rules: [
      {
        responsible: salesHead,
        leadHandling: "Оператор звонит по базе по скрипту, заинтересованного клиента заводит в amoCRM с меткой кампании и передаёт менеджеру; менеджер отправляет прайс в течение часа.",
        checklist: ["скрипт звонка утверждён", "60 звонков на оператора в день", "заинтересованный клиент заведён в amoCRM"],
      },
      {
        responsible: salesHead,
        leadHandling:
          "Оператор звонит по базе по скрипту, заинтересованного клиента заводит в amoCRM с меткой кампании и передаёт менеджеру; менеджер отправляет прайс в течение часа и предлагает пробную партию от 20 сумок.",
        checklist: ["скрипт звонка утверждён (версия 2: пробная партия)", "60 звонков на оператора в день", "заинтересованный клиент заведён в amoCRM", "пробная партия предложена"],
      },
    ],
  },
  {
    role: "closed",
    title: "Авито: объявления «сумки оптом от производителя»",
    statement: "Объявления на Авито в категории «Сумки, рюкзаки» приводят оптовых покупателей дешевле 1 000 ₽ за заявку.",
    channel: "avito",
    responsible: marketer,
    budget: "50000",
    probe: { since: 60, days: 14 },
    targets: { cplMax: "1000" },
    stage: "closed",
    campaigns: [],
    closeReason: "Модерация Авито не пропускает оптовые объявления в этой категории; запуск не состоялся.",
    lesson: "Прежде чем планировать бюджет на площадке, проверить её правила модерации для нашей категории: оптовые объявления сумок Авито не пропускает.",
  },
];

/** Leads nobody can attribute: calls to the number on the site (per weekday), and Instagram clicks (per day) no campaign claims. */
export const unattributed = {
  leadsPerWeekday: 0.8,
  instagramPerDay: 0.25,
  since: 90,
  funnel: { contacted: 0.9, qualified: 0.45, proposal: 0.55, won: 0.35 } satisfies Funnel,
  deal: [30_000, 250_000] as [number, number],
};

/** Why qualified leads and proposals were lost; a reason listed twice is twice as common. */
export const lateLosses = {
  qualified: ["минимальная партия слишком большая", "не устроили сроки поставки", "не наш ассортимент"],
  proposal: ["дорого", "выбрали конкурента", "дорого", "отложили закупку", "не устроили условия оплаты"],
};
