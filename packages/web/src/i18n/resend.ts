import { t } from "./text.js";

/** Texts of sending one kept report again (the contractors page), hooked into catalog.ts as `resend`. */
export const resend = {
  button: t("Отправить ещё раз", "Send again"),
  label: t((report) => `Отправить ещё раз: ${report}`, (report: string) => `Send again: ${report}`),
  sent: t(
    (at, who, to) => `отправлен ещё раз ${at} на ${to} (${who})`,
    (at: string, who: string, to: string) => `sent again ${at} to ${to} (${who})`,
  ),
  failed: t(
    (at, who, to) => `повторная отправка ${at} на ${to} не удалась (${who})`,
    (at: string, who: string, to: string) => `sending again ${at} to ${to} failed (${who})`,
  ),
  sending: t(
    (at, who, to) => `отправляется ещё раз с ${at} на ${to} (${who})`,
    (at: string, who: string, to: string) => `being sent again since ${at} to ${to} (${who})`,
  ),
  refusedTitle: t("Отчёт не отправлен ещё раз", "The report was not sent again"),
  back: t("К подрядчикам", "Back to contractors"),
};
