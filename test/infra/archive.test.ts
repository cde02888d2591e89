import { Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Archive } from "../../stacks/Archive.js";
import { Database } from "../../stacks/Database.js";
import { Handovers } from "../../stacks/Handovers.js";

type Json = Record<string, any>;

let templates: Map<unknown, Template>;

beforeAll(async () => {
  vi.stubEnv("TIME_ZONE", undefined);
  await initProject({ stage: "test" });
  const { name, region } = useProject().config;
  const app = new App({ mode: "deploy", name, stage: "test", region, account: "123456789012" });
  app.stack(Database).stack(Archive).stack(Handovers);
  await app.finish();
  templates = new Map([Archive, Handovers].map((stack) => [stack, Template.fromStack(getStack(stack))]));
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
});

// The two sweeps: stuck webhook calls are replayed, hand-overs past their `until` return their leads.
describe.each([
  { sweep: "the replay of stuck webhook calls", stack: Archive, handler: "functions/replay-stuck.handler" },
  { sweep: "the return of hand-overs", stack: Handovers, handler: "functions/return-handovers.handler" },
])("$sweep", ({ stack, handler }) => {
  const template = () => templates.get(stack)!;
  const functionId = () => template().getResourceId("AWS::Lambda::Function", { Properties: { Handler: handler } });

  it("starts its function every 5 minutes", () => {
    const synthesized = template();
    const rules = Object.values(synthesized.findResources("AWS::Events::Rule")).map((r: Json) => r.Properties);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ ScheduleExpression: "rate(5 minutes)", State: "ENABLED" });
    expect(rules[0].Targets).toEqual([expect.objectContaining({ Arn: { "Fn::GetAtt": [functionId(), "Arn"] } })]);
    const fromRules = Object.values(synthesized.findResources("AWS::Lambda::Permission")).filter((p: Json) => p.Properties.Principal === "events.amazonaws.com");
    expect(fromRules).toHaveLength(1);
  });

  it("runs within the period, with the table in its environment and data access to it only", () => {
    const synthesized = template();
    const { Environment, Runtime, Timeout, Role } = synthesized.toJSON().Resources[functionId()].Properties;
    expect(Runtime).toBe("nodejs22.x");
    expect(Timeout).toBeLessThan(300);
    expect(Environment.Variables).toMatchObject({ TIME_ZONE: "Europe/Moscow", TABLE_NAME: expect.anything() });
    const statements = Object.values(synthesized.findResources("AWS::IAM::Policy"))
      .filter((p: Json) => p.Properties.Roles.some((r: Json) => r.Ref === Role["Fn::GetAtt"][0]))
      .flatMap((p: Json) => p.Properties.PolicyDocument.Statement as Json[]);
    const actions = statements.flatMap((s) => [s.Action].flat() as string[]);
    expect(actions.some((a) => a.startsWith("dynamodb:"))).toBe(true);
    expect(actions.filter((a) => !/^(dynamodb|xray):/.test(a))).toEqual([]);
    expect(actions).not.toContain("dynamodb:*");
    expect(actions).not.toContain("dynamodb:DeleteTable");
  });
});
