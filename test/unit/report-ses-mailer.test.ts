import { SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { describe, expect, it } from "vitest";
import { sesMailer } from "../../packages/core/src/report/ses-mailer.js";

const mail = {
  to: "agency@example.ru",
  subject: "Отчёт по KPI",
  html: "<p>Отчёт</p>",
  text: "Отчёт",
  attachments: [{ filename: "kpi.csv", contentType: "text/csv; charset=utf-8", content: "\uFEFFЛиды;CPL\r\n4;750,00\r\n" }],
};

describe("mailing a report through SES", () => {
  it("sends from the configured address with the HTML, the text and the CSV attached as UTF-8", async () => {
    const ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).resolves({ MessageId: "0100-ses-id" });

    const sent = await sesMailer(new SESv2Client({ region: "eu-central-1" }), "reports@parom.example").send(mail);

    expect(sent).toEqual({ messageId: "0100-ses-id" });
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.FromEmailAddress).toBe("reports@parom.example");
    expect(input.Destination).toEqual({ ToAddresses: ["agency@example.ru"] });
    expect(input.Content?.Simple?.Subject).toEqual({ Data: "Отчёт по KPI", Charset: "UTF-8" });
    expect(input.Content?.Simple?.Body).toEqual({ Html: { Data: "<p>Отчёт</p>", Charset: "UTF-8" }, Text: { Data: "Отчёт", Charset: "UTF-8" } });
    const [attachment] = input.Content!.Simple!.Attachments!;
    expect(attachment).toMatchObject({ FileName: "kpi.csv", ContentType: "text/csv; charset=utf-8", ContentDisposition: "ATTACHMENT" });
    expect(Buffer.from(attachment!.RawContent!).toString("utf8")).toBe(mail.attachments[0]!.content);
    ses.restore();
  });

  it("fails the send when SES refuses it, so the job marks the report failed", async () => {
    const ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).rejects(Object.assign(new Error("Email address is not verified."), { name: "MessageRejected" }));
    await expect(sesMailer(new SESv2Client({ region: "eu-central-1" }), "reports@parom.example").send(mail)).rejects.toThrow(/not verified/);
    ses.restore();
  });
});
