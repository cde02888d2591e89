/** English texts of sending one kept report again (the contractors page), hooked into en.ts as `resend`. */
export const resendEn = {
  button: "Send again",
  label: (report: string) => `Send again: ${report}`,
  sent: (at: string, who: string, to: string) => `sent again ${at} to ${to} (${who})`,
  failed: (at: string, who: string, to: string) => `sending again ${at} to ${to} failed (${who})`,
  sending: (at: string, who: string, to: string) => `being sent again since ${at} to ${to} (${who})`,
  refusedTitle: "The report was not sent again",
  back: "Back to contractors",
};

export type ResendMessages = typeof resendEn;
