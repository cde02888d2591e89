import { ok, type Api } from "./api.js";

/** The backlog: channel ideas not tried yet, scored by ICE (impact, confidence, ease, 1-10). */
export const ideas = [
  {
    title: "Ozon: витрина для оптовиков",
    statement: "Магазины галантереи ищут поставщиков на Ozon: витрина с оптовыми ценами приведёт заявки дешевле 1 200 ₽.",
    channel: "Ozon",
    ice: { impact: 8, confidence: 5, ease: 4 },
  },
  {
    title: "Выставка «Текстильлегпром»",
    statement: "Стенд на отраслевой выставке даст 50 контактов закупщиков за три дня, из них 10 % станут клиентами.",
    channel: "выставки",
    ice: { impact: 7, confidence: 6, ease: 2 },
  },
  {
    title: "Партнёрская программа для дизайнеров сумок",
    statement: "Дизайнеры, которые шьют под своим брендом, приведут заказы на пошив партий от 300 штук за комиссию 5 %.",
    channel: "партнёры",
    ice: { impact: 6, confidence: 4, ease: 7 },
  },
];

/** Adds the ideas the backlog lacks (by title); returns how many were added. */
export async function ensureIdeas(api: Api): Promise<number> {
  const present = new Set((await ok("read backlog", api("GET", "/api/ideas"))).items.map((idea: { title: string }) => idea.title));
  const missing = ideas.filter((idea) => !present.has(idea.title));
  for (const idea of missing) await ok(`add idea «${idea.title}»`, api("POST", "/api/ideas", idea));
  return missing.length;
}
