import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { Stack } from "sst/constructs";

/** The deploy-time sender of contractor reports; SES must have it verified. */
export function reportsFrom(): string {
  const from = process.env.REPORTS_FROM;
  if (!from) throw new Error("Set REPORTS_FROM in the environment before deploying: the SES-verified address reports are sent from.");
  return from;
}

/** Send-only SES access, and only from `from`. */
export function sendMailOnlyFrom(stack: Stack, from: string): PolicyStatement {
  return new PolicyStatement({
    actions: ["ses:SendEmail", "ses:SendRawEmail"],
    resources: [
      stack.formatArn({ service: "ses", resource: "identity", resourceName: "*" }),
      stack.formatArn({ service: "ses", resource: "configuration-set", resourceName: "*" }),
    ],
    conditions: { StringEquals: { "ses:FromAddress": from } },
  });
}
