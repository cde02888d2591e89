import { token } from "./intake.js";

/** An idea's body for POST /api/ideas: a title of its own, ICE scores 5 x 4 x 3 unless `over` says otherwise. */
export const ideaBody = (over: Record<string, unknown> = {}) => ({
  title: `Идея ${token()}`,
  statement: "Оптовики ищут сумки в VK: реклама в тематических сообществах",
  channel: "vk_ads",
  ice: { impact: 5, confidence: 4, ease: 3 },
  ...over,
});

/** What promotion to a probe asks for (POST /api/ideas/{id}/promotion). */
export const promotionBody = (over: Record<string, unknown> = {}) => ({
  responsible: "Мария",
  budget: "600 000",
  probe: { start: "2026-03-01", end: "2026-03-31" },
  targets: { cplMax: 900, conversionMin: 0.05 },
  ...over,
});
