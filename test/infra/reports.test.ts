import { Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Database } from "../../stacks/Database.js";
import { Reports } from "../../stacks/Reports.js";

type Json = Record<string, any>;

const from = "reports@parom.example";
let database: Template;
let reports: Template;

beforeAll(async () => {
  vi.stubEnv("REPORTS_FROM", from);
  vi.stubEnv("TIME_ZONE", undefined);
  await initProject({ stage: "test" });
  const { name, region } = useProject().config;
  const app = new App({ mode: "deploy", name, stage: "test", region, account: "123456789012" });
  app.stack(Database).stack(Reports);
  await app.finish();
  database = Template.fromStack(getStack(Database));
  reports = Template.fromStack(getStack(Reports));
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
});

const functionId = () => reports.getResourceId("AWS::Lambda::Function", { Properties: { Handler: "functions/reports.handler" } });
const tableLogicalId = () => Object.keys(database.findResources("AWS::DynamoDB::Table"))[0]!;

/** What a cross-stack `Fn::ImportValue` points at in the Database stack. */
function exported(ref: Json): unknown {
  const output = Object.values(database.toJSON().Outputs as Json).find((o: Json) => o.Export?.Name === ref["Fn::ImportValue"]);
  return output?.Value;
}

function ruleWith(schedule: string): Json {
  const rules = Object.values(reports.findResources("AWS::Events::Rule", { Properties: { ScheduleExpression: schedule } }));
  expect(rules).toHaveLength(1);
  return rules[0]!.Properties;
}

function statementsOfReportsFunction(): Json[] {
  const role = reports.toJSON().Resources[functionId()].Properties.Role["Fn::GetAtt"][0];
  return Object.values(reports.findResources("AWS::IAM::Policy"))
    .filter((p: Json) => p.Properties.Roles.some((r: Json) => r.Ref === role))
    .flatMap((p: Json) => p.Properties.PolicyDocument.Statement as Json[]);
}

describe("the scheduled reports", () => {
  it.each([
    ["weekly", "cron(0 6 ? * MON *)"],
    ["monthly", "cron(0 6 1 * ? *)"],
  ])("start the report function %s at 06:00 UTC (09:00 Moscow) with the period and the scheduled time", (period, schedule) => {
    const rule = ruleWith(schedule);
    expect(rule.State).toBe("ENABLED");
    expect(rule.Targets).toHaveLength(1);
    const [target] = rule.Targets;
    expect(target.Arn).toEqual({ "Fn::GetAtt": [functionId(), "Arn"] });
    // EventField.time becomes an input transformer reading the event's $.time.
    expect(target.InputTransformer.InputPathsMap).toEqual({ time: "$.time" });
    expect(JSON.parse(target.InputTransformer.InputTemplate.replace("<time>", '"t"'))).toEqual({ period, time: "t" });
  });

  it("lets EventBridge invoke the function, from each rule", () => {
    const permissions = Object.values(reports.findResources("AWS::Lambda::Permission")).map((p: Json) => p.Properties);
    const fromRules = permissions.filter((p) => p.Principal === "events.amazonaws.com");
    expect(fromRules).toHaveLength(2);
    for (const p of fromRules) expect(p.FunctionName).toEqual({ "Fn::GetAtt": [functionId(), "Arn"] });
  });

  it("runs the function with the table, the zone and the sender address in its environment", () => {
    const { Environment, Runtime, Timeout } = reports.toJSON().Resources[functionId()].Properties;
    expect(Runtime).toBe("nodejs22.x");
    expect(Timeout).toBe(300);
    expect(Environment.Variables).toMatchObject({ TIME_ZONE: "Europe/Moscow", REPORTS_FROM: from });
    expect(exported(Environment.Variables.TABLE_NAME)).toEqual({ Ref: tableLogicalId() });
  });
});

describe("what the report function may do", () => {
  it("sends mail through SES only, and only from the configured address", () => {
    const ses = statementsOfReportsFunction().filter((s) => [s.Action].flat().some((a: string) => a.startsWith("ses:")));
    expect(ses).toHaveLength(1);
    expect([ses[0]!.Action].flat().sort()).toEqual(["ses:SendEmail", "ses:SendRawEmail"]);
    expect(ses[0]!.Effect).toBe("Allow");
    expect(ses[0]!.Condition).toEqual({ StringEquals: { "ses:FromAddress": from } });
    const resources = JSON.stringify(ses[0]!.Resource);
    expect(resources).toContain(":identity/*");
    expect(resources).not.toMatch(/"\*"/);
  });

  it("reaches the table and its indexes and nothing else in DynamoDB, with no other AWS access", () => {
    const statements = statementsOfReportsFunction();
    const dynamo = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith("dynamodb:")));
    expect(dynamo.length).toBeGreaterThan(0);
    for (const statement of dynamo) {
      const [arn, indexes, ...rest] = [statement.Resource].flat() as Json[];
      expect(rest).toEqual([]);
      expect(exported(arn!)).toEqual({ "Fn::GetAtt": [tableLogicalId(), "Arn"] });
      expect(indexes).toEqual({ "Fn::Join": ["", [arn, "/index/*"]] });
      expect([statement.Action].flat()).not.toContain("dynamodb:*");
      expect([statement.Action].flat()).not.toContain("dynamodb:DeleteTable");
    }
    // Besides DynamoDB and SES, only the X-Ray tracing SST turns on by default.
    const others = statements.filter((s) => [s.Action].flat().some((a: string) => !/^(dynamodb|ses|xray):/.test(a)));
    expect(others).toEqual([]);
  });

  it("refuses to deploy without a sender address", async () => {
    vi.stubEnv("REPORTS_FROM", "");
    try {
      const app = new App({ mode: "deploy", name: "parom", stage: "noaddress", region: "eu-central-1", account: "123456789012" });
      expect(() => app.stack(Database).stack(Reports)).toThrow(/REPORTS_FROM/);
    } finally {
      vi.stubEnv("REPORTS_FROM", from);
    }
  });
});
