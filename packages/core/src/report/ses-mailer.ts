import { SendEmailCommand, type SESv2Client } from "@aws-sdk/client-sesv2";
import type { Mailer } from "./mailer.js";

/**
 * Sends through Amazon SES v2 from `from` (an address or domain verified in SES; the function's
 * IAM policy allows sending from this address only).
 */
export function sesMailer(client: SESv2Client, from: string): Mailer {
  return {
    async send(mail) {
      const { MessageId } = await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [mail.to] },
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: "UTF-8" },
              Body: { Html: { Data: mail.html, Charset: "UTF-8" }, Text: { Data: mail.text, Charset: "UTF-8" } },
              Attachments: mail.attachments?.map((a) => ({
                FileName: a.filename,
                ContentType: a.contentType,
                ContentDisposition: "ATTACHMENT",
                RawContent: Buffer.from(a.content, "utf8"),
              })),
            },
          },
        }),
      );
      if (!MessageId) throw new Error("SES accepted the mail without a message id");
      return { messageId: MessageId };
    },
  };
}
