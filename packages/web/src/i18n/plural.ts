const ruRules = new Intl.PluralRules("ru-RU");

/**
 * The Russian noun form for a count: one (1, 21, 101), few (2-4, 22-24) or many (0, 5-20, 25).
 * Fractions take the "few" form, as Russian does ("1,5 дня").
 * @example ruPlural(22, ["день", "дня", "дней"]) // "дня"
 */
export function ruPlural(count: number, [one, few, many]: readonly [string, string, string]): string {
  const form = ruRules.select(count);
  return form === "one" ? one : form === "many" ? many : few;
}

/** "1 день", "3 дня", "5 дней". */
export const ruDays = (count: number) => `${count} ${dayWord(count)}`;

/** "1 day", "3 days". */
export const enDays = (count: number) => `${count} ${count === 1 ? "day" : "days"}`;

export const dayWord = (count: number) => ruPlural(count, ["день", "дня", "дней"]);
export const leadWord = (count: number) => ruPlural(count, ["лид", "лида", "лидов"]);

/**
 * Ends a sentence with a full stop unless its last word already has one: a Russian date ends in "г.".
 * @example sentence("На 20 апр. 2026 г.") // "На 20 апр. 2026 г."
 */
export const sentence = (text: string) => (text.endsWith(".") ? text : `${text}.`);

/**
 * A time zone as Russians name it, not its IANA code.
 * @example ruZone("Europe/Moscow") // "Москва, стандартное время"
 */
export const ruZone = (timeZone: string) =>
  new Intl.DateTimeFormat("ru-RU", { timeZone, timeZoneName: "long" }).formatToParts(0).find((part) => part.type === "timeZoneName")?.value ?? timeZone;
