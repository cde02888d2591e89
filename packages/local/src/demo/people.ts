import type { Random } from "@parom/core/stats";

/** Buyers of a wholesale bag maker: shop owners and purchasing managers, mostly women. */
const women = ["Анна", "Елена", "Ольга", "Наталья", "Ирина", "Татьяна", "Светлана", "Марина", "Юлия", "Екатерина", "Дарья", "Алина", "Виктория", "Ксения", "Людмила", "Гульнара", "Айгуль"];
const men = ["Сергей", "Андрей", "Алексей", "Дмитрий", "Игорь", "Михаил", "Артём", "Руслан", "Олег", "Тимур", "Вадим"];
/** Surnames in their masculine form; the feminine adds -а (Смирнов -> Смирнова). */
const surnames = ["Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сафин", "Гарипов", "Хабибуллин"];
const latin: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p",
  р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "sch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};
const mailDomains = ["mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru"];
/** Mobile operator codes; a few city landlines for shops that leave their office number. */
const mobileCodes = ["903", "905", "909", "915", "916", "917", "925", "926", "929", "950", "960", "977", "985", "999"];
const cityCodes = ["495", "812", "843", "343", "383"];

export type Person = { name: string; phone: string; email: string | null };

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const digits = (random: Random, count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join("");
const transliterate = (text: string) => [...text.toLowerCase()].map((ch) => latin[ch] ?? ch).join("");

/** A buyer with a phone written the way people type it into forms, and an e-mail about half the time. */
export function person(random: Random): Person {
  const woman = random() < 0.72;
  const first = pick(random, woman ? women : men);
  const surname = pick(random, surnames);
  const last = woman ? `${surname}а` : surname;
  return { name: `${first} ${last}`, phone: phone(random), email: random() < 0.5 ? `${transliterate(first)}.${transliterate(surname)}${Math.floor(random() * 90 + 10)}@${pick(random, mailDomains)}` : null };
}

function phone(random: Random): string {
  const code = random() < 0.9 ? pick(random, mobileCodes) : pick(random, cityCodes);
  const n = digits(random, 7);
  const style = random();
  if (style < 0.4) return `+7 (${code}) ${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`;
  if (style < 0.7) return `8${code}${n}`;
  if (style < 0.9) return `+7${code}${n}`;
  return `8 ${code} ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`;
}
