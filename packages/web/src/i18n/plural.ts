/**
 * The Russian form of a word after a whole number: 1 день, 2 дня, 5 дней, 11 дней, 21 день.
 * @example ruPlural(22, ["лид", "лида", "лидов"]) // "лида"
 */
export function ruPlural(n: number, [one, few, many]: readonly [string, string, string]): string {
  const tens = Math.abs(n) % 100;
  const units = tens % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

export const dayWord = (n: number) => ruPlural(n, ["день", "дня", "дней"]);
export const leadWord = (n: number) => ruPlural(n, ["лид", "лида", "лидов"]);
