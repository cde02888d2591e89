/** A file sent with a mail; text content (the report's CSV), sent as UTF-8. */
export type MailAttachment = { filename: string; contentType: string; content: string };

export type Mail = { to: string; subject: string; html: string; text: string; attachments?: MailAttachment[] };

/**
 * Where report mails go: Amazon SES on AWS (ses-mailer.ts), the outbox table locally (outbox.ts),
 * anything a test injects. `send` resolves once the mail is accepted, and rejects when it is not.
 * Implementations are plain objects so that `mailer.send` can be passed on unbound.
 */
export interface Mailer {
  send(mail: Mail): Promise<{ messageId: string }>;
}
