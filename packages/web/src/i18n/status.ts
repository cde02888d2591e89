import type { StatusKind } from "../status.js";
import { t, type Text } from "./text.js";
import { enDays, dayWord, ruDays } from "./plural.js";

/** Words of a hypothesis' status badge and the board's legend (status.ts), hooked into catalog.ts as `status`. */
export const status = {
  label: t("Цели", "Gate"),
  failing: t(
    (missed, targets) => `не достигнуто ${missed} из ${targets}`,
    (missed: number, targets: number) => `failing: ${missed} of ${targets} targets not met`,
  ),
  spendMissing: t(
    (days) => `нет расходов за ${ruDays(days)}: стоимость лида неизвестна`,
    (days: number) => `spend missing for ${enDays(days)}: the cost of a lead is unknown`,
  ),
  noTargets: t("целей нет", "no targets"),
  maturing: t("рано судить", "too early to judge"),
  inDays: t((days) => `ещё около ${days} ${dayWord(days)}`, (days: number) => `about ${days} more day${days === 1 ? "" : "s"}`),
  beyondProbe: t("в окне пробы данных не хватит", "not within the probe window"),
  ready: {
    ownerDecides: t("готово для владельца: ждёт решения о масштабировании", "ready for the owner: awaiting the scale-out decision"),
    pathFirst: t("достигнуты", "passed"),
    scaling: t("достигнуты, идёт масштабирование", "passed, scaling out"),
  },
  legendTitle: t("Что значат отметки о целях", "What the gate's signs mean"),
  legendOrder: t("Если подходит несколько, показана та, что выше в этом списке.", "When several apply, the one higher in this list is shown."),
  legend: {
    failing: t("не достигнуто: хотя бы одна цель не достигнута", "failing: at least one target is not met"),
    spendMissing: t(
      "нет расходов: за дни с лидами не записан расход, поэтому о стоимости судить нельзя",
      "spend missing: days with leads have no recorded spend, so no cost can be judged",
    ),
    noTargets: t("целей нет: судить не о чем", "no targets: nothing to judge against"),
    maturing: t(
      "рано судить: данные ещё созревают; где известно — сколько дней ещё нужно",
      "too early to judge: the data is still maturing; the days a verdict needs, where known",
    ),
    ready: t(
      "достигнуты: все цели достигнуты; на этапе оптимизации отметка — «готово для владельца»: ждёт его решения о масштабировании",
      "passed: every target met; in optimization the sign reads 'ready for the owner': it awaits the owner's scale-out decision",
    ),
  } satisfies Record<StatusKind, Text<string>>,
};
