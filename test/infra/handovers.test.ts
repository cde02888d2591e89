import { Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Handovers } from "../../stacks/Handovers.js";
import { Database } from "../../stacks/Database.js";

type Json = Record<string, any>;

let handovers: Template;

beforeAll(async () => {
  vi.stubEnv("TIME_ZONE", undefined);
  await initProject({ stage: "test" });
  const { name, region } = useProject().config;
  const app = new App({ mode: "deploy", name, stage: "test", region, account: "123456789012" });
  app.stack(Database).stack(Handovers);
  await app.finish();
  handovers = Template.fromStack(getStack(Handovers));
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
});

const functionId = () => handovers.getResourceId("AWS::Lambda::Function", { Properties: { Handler: "functions/return-handovers.handler" } });

describe("the return of hand-overs", () => {
  it("starts the return function every 5 minutes", () => {
    const rules = Object.values(handovers.findResources("AWS::Events::Rule")).map((r: Json) => r.Properties);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ ScheduleExpression: "rate(5 minutes)", State: "ENABLED" });
    expect(rules[0].Targets).toEqual([expect.objectContaining({ Arn: { "Fn::GetAtt": [functionId(), "Arn"] } })]);
    const fromRules = Object.values(handovers.findResources("AWS::Lambda::Permission")).filter((p: Json) => p.Properties.Principal === "events.amazonaws.com");
    expect(fromRules).toHaveLength(1);
  });

  it("runs within the period, with the table in its environment and data access to it only", () => {
    const { Environment, Runtime, Timeout, Role } = handovers.toJSON().Resources[functionId()].Properties;
    expect(Runtime).toBe("nodejs22.x");
    expect(Timeout).toBeLessThan(300);
    expect(Environment.Variables).toMatchObject({ TIME_ZONE: "Europe/Moscow", TABLE_NAME: expect.anything() });
    const statements = Object.values(handovers.findResources("AWS::IAM::Policy"))
      .filter((p: Json) => p.Properties.Roles.some((r: Json) => r.Ref === Role["Fn::GetAtt"][0]))
      .flatMap((p: Json) => p.Properties.PolicyDocument.Statement as Json[]);
    const actions = statements.flatMap((s) => [s.Action].flat() as string[]);
    expect(actions.some((a) => a.startsWith("dynamodb:"))).toBe(true);
    expect(actions.filter((a) => !/^(dynamodb|xray):/.test(a))).toEqual([]);
    expect(actions).not.toContain("dynamodb:*");
    expect(actions).not.toContain("dynamodb:DeleteTable");
  });
});
