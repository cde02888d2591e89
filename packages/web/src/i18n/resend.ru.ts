import type { ResendMessages } from "./resend.en.js";

/** Русские тексты повторной отправки отчёта (страница подрядчиков); форма задана resend.en.ts. */
export const resendRu: ResendMessages = {
  button: "Отправить ещё раз",
  label: (report) => `Отправить ещё раз: ${report}`,
  sent: (at, who, to) => `отправлен ещё раз ${at} на ${to} (${who})`,
  failed: (at, who, to) => `повторная отправка ${at} на ${to} не удалась (${who})`,
  sending: (at, who, to) => `отправляется ещё раз с ${at} на ${to} (${who})`,
  refusedTitle: "Отчёт не отправлен ещё раз",
  back: "К подрядчикам",
};
