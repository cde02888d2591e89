/** Legal forms, longest first so "публичное акционерное общество" goes before "акционерное общество". */
const LEGAL_FORMS = [
  "общество с ограниченной ответственностью",
  "публичное акционерное общество",
  "непубличное акционерное общество",
  "закрытое акционерное общество",
  "открытое акционерное общество",
  "акционерное общество",
  "индивидуальный предприниматель",
  "ооо",
  "оао",
  "зао",
  "пао",
  "нао",
  "ао",
  "ип",
  "llc",
  "ltd",
];

/**
 * A company name reduced to what identifies it: case, "ё", quotes, punctuation, spaces and the
 * legal form (as a whole word, abbreviated or spelled out) do not count. Empty when nothing is left.
 * @example normalizeCompanyName('ООО "Вектор-Плюс"') // "векторплюс"
 * @example normalizeCompanyName("Вектор Плюс, ООО") // "векторплюс"
 */
export function normalizeCompanyName(name: string): string {
  let words = ` ${name.toLowerCase().replace(/ё/g, "е").replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
  for (const form of LEGAL_FORMS) {
    // Loop: in "ооо ооо" adjacent forms share a space, which one replace pass would miss.
    while (words.includes(` ${form} `)) words = words.replace(` ${form} `, " ");
  }
  return words.replace(/ /g, "");
}
