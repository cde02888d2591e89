import type { StatusMessages } from "./status.en.js";
import { dayWord, ruDays } from "./plural.js";

/** Русские слова отметки о состоянии гипотезы и легенды доски; форма задана status.en.ts. */
export const statusRu: StatusMessages = {
  label: "Цели",
  failing: (missed, targets) => `не достигнуто ${missed} из ${targets}`,
  spendMissing: (days) => `нет расходов за ${ruDays(days)}: стоимость лида неизвестна`,
  noTargets: "целей нет",
  maturing: "рано судить",
  inDays: (days) => `ещё около ${days} ${dayWord(days)}`,
  beyondProbe: "в окне пробы данных не хватит",
  ready: {
    ownerDecides: "готово для владельца: ждёт решения о масштабировании",
    pathFirst: "достигнуты",
    scaling: "достигнуты, идёт масштабирование",
  },
  legendTitle: "Что значат отметки о целях",
  legendOrder: "Если подходит несколько, показана та, что выше в этом списке.",
  legend: {
    failing: "не достигнуто: хотя бы одна цель не достигнута",
    spendMissing: "нет расходов: за дни с лидами не записан расход, поэтому о стоимости судить нельзя",
    noTargets: "целей нет: судить не о чем",
    maturing: "рано судить: данные ещё созревают; где известно — сколько дней ещё нужно",
    ready: "достигнуты: все цели достигнуты; на этапе оптимизации отметка — «готово для владельца»: ждёт его решения о масштабировании",
  },
};
