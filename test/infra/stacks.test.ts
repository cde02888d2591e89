import { Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { keyAttributes, tableDefinition } from "../../packages/core/src/db/table.js";
import { Api } from "../../stacks/Api.js";
import { Database } from "../../stacks/Database.js";

type Json = Record<string, any>;

/** Set in the environment at synth time, as a careless deploy might: it must not reach the template. */
const ownerApiKey = "owner-key-for-synth";
let database: Template;
let api: Template;

/** Synthesizes the app as `sst deploy` would, without AWS: the one esbuild run happens in `finish()`. */
async function synth(stage: string, stacks: "all" | "database") {
  const { name, region } = useProject().config;
  const app = new App({ mode: "deploy", name, stage, region, account: "123456789012" });
  app.stack(Database);
  if (stacks === "all") app.stack(Api);
  // Runs the deferred function builds (before it every Lambda is a placeholder). Vitest's
  // NODE_ENV=test makes SST skip its bootstrap lookup here, which would call AWS.
  await app.finish();
}

beforeAll(async () => {
  vi.stubEnv("OWNER_API_KEY", ownerApiKey);
  vi.stubEnv("COOKIE_SECRET", "test-cookie-secret");
  vi.stubEnv("REPORTS_FROM", "reports@parom.example");
  vi.stubEnv("TIME_ZONE", undefined);
  // An explicit stage, or SST waits for a prompt.
  await initProject({ stage: "test" });
  await synth("test", "all");
  database = Template.fromStack(getStack(Database));
  api = Template.fromStack(getStack(Api));
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
});

function onlyResource(template: Template, type: string, props: Json = {}): Json {
  const found = Object.values(template.findResources(type, { Properties: props }));
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** What a cross-stack `Fn::ImportValue` in the Api stack points at in the Database stack. */
function exported(ref: Json): unknown {
  const name = ref["Fn::ImportValue"];
  const output = Object.values(database.toJSON().Outputs as Json).find((o: Json) => o.Export?.Name === name);
  return output?.Value;
}

function tableLogicalId(): string {
  return Object.keys(database.findResources("AWS::DynamoDB::Table"))[0]!;
}

/** Ours, not SST's own custom-resource Lambda: it is the one running functions/api. */
function apiFunction(): Json {
  return onlyResource(api, "AWS::Lambda::Function", { Handler: "functions/api.handler" });
}

describe("the table", () => {
  it("has the keys and indexes of the shared table definition", () => {
    const table = onlyResource(database, "AWS::DynamoDB::Table").Properties;
    const { partitionKey, sortKey, globalIndexes } = tableDefinition;

    expect(table.KeySchema).toEqual([
      { AttributeName: partitionKey, KeyType: "HASH" },
      { AttributeName: sortKey, KeyType: "RANGE" },
    ]);
    expect(table.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyAttributes().map((name) => ({ AttributeName: name, AttributeType: "S" }))),
    );
    expect(table.AttributeDefinitions).toHaveLength(keyAttributes().length);
    expect(table.GlobalSecondaryIndexes).toEqual(
      expect.arrayContaining(
        Object.entries(globalIndexes).map(([name, index]) => ({
          IndexName: name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: "HASH" },
            { AttributeName: index.sortKey, KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        })),
      ),
    );
    expect(table.GlobalSecondaryIndexes).toHaveLength(Object.keys(globalIndexes).length);
  });

  it("is billed per request and keeps point-in-time recovery", () => {
    database.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it("lets DynamoDB clear expired sessions and sign-in windows by their ttl", () => {
    database.hasResourceProperties("AWS::DynamoDB::Table", { TimeToLiveSpecification: { AttributeName: "ttl", Enabled: true } });
  });

  it("can be removed outside prod", () => {
    const table = onlyResource(database, "AWS::DynamoDB::Table");
    expect(table.DeletionPolicy).toBe("Delete");
    expect(table.Properties.DeletionProtectionEnabled).toBe(false);
  });
});

describe("the HTTP API", () => {
  it.each(["GET /health", "POST /hooks/{key}", "ANY /api/{proxy+}", "ANY /{proxy+}"])("routes %s to the app", (routeKey) => {
    const route = onlyResource(api, "AWS::ApiGatewayV2::Route", { RouteKey: routeKey });
    const [, [, integration]] = route.Properties.Target["Fn::Join"]; // "integrations/" + { Ref }
    const ours = api.getResourceId("AWS::Lambda::Function", { Properties: { Handler: "functions/api.handler" } });
    expect(api.toJSON().Resources[integration.Ref].Properties.IntegrationUri).toEqual({ "Fn::GetAtt": [ours, "Arn"] });
  });

  it("outputs its URL", () => {
    api.hasOutput("ApiUrl", { Value: { "Fn::GetAtt": [api.getResourceId("AWS::ApiGatewayV2::Api"), "ApiEndpoint"] } });
  });

  it("runs the app on Node.js 22 with its configuration in the environment", () => {
    const { Runtime, Environment } = apiFunction().Properties;
    expect(Runtime).toBe("nodejs22.x");
    expect(Environment.Variables).toMatchObject({ TIME_ZONE: "Europe/Moscow", REPORTS_FROM: "reports@parom.example" });
    expect(exported(Environment.Variables.TABLE_NAME)).toEqual({ Ref: tableLogicalId() });
  });

  it("keeps the owner key and the cookie secret in SSM: only placeholders in the environment, no value in the template", () => {
    const variables = apiFunction().Properties.Environment.Variables;
    expect(variables).toMatchObject({
      SST_Secret_value_OWNER_API_KEY: "__FETCH_FROM_SSM__",
      SST_Secret_value_COOKIE_SECRET: "__FETCH_FROM_SSM__",
      SST_APP: useProject().config.name,
      SST_STAGE: "test",
    });
    expect(variables).not.toHaveProperty("OWNER_API_KEY");
    expect(variables).not.toHaveProperty("COOKIE_SECRET");
    const template = JSON.stringify(api.toJSON());
    expect(template).not.toContain(ownerApiKey);
    expect(template).not.toContain("test-cookie-secret");
  });

  it("lets the function reach this table and its indexes, nothing else in DynamoDB", () => {
    const role = apiFunction().Properties.Role["Fn::GetAtt"][0];
    const policies = Object.values(api.findResources("AWS::IAM::Policy")).filter((p: Json) =>
      p.Properties.Roles.some((r: Json) => r.Ref === role),
    );
    const statements = policies.flatMap((p: Json) => p.Properties.PolicyDocument.Statement as Json[]);
    const dynamo = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith("dynamodb:")));
    const tableArn = { "Fn::GetAtt": [tableLogicalId(), "Arn"] };

    expect(dynamo.length).toBeGreaterThan(0);
    for (const statement of dynamo) {
      const [arn, indexes, ...rest] = [statement.Resource].flat() as Json[];
      expect(rest).toEqual([]);
      expect(exported(arn!)).toEqual(tableArn);
      expect(indexes).toEqual({ "Fn::Join": ["", [arn, "/index/*"]] });
      expect([statement.Action].flat()).not.toContain("dynamodb:*");
    }

    // On-demand report runs mail through SES: send-only, and only from the configured address.
    const ses = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith("ses:")));
    expect(ses).toHaveLength(1);
    expect([ses[0]!.Action].flat().sort()).toEqual(["ses:SendEmail", "ses:SendRawEmail"]);
    expect(ses[0]!.Condition).toEqual({ StringEquals: { "ses:FromAddress": "reports@parom.example" } });

    // The secrets: read, and only the two parameters (this stage's and the app's fallback) of each.
    const ssm = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith("ssm:")));
    expect(ssm.flatMap((s) => [s.Action].flat())).toEqual(["ssm:GetParameters", "ssm:GetParameters"]);
    const app = useProject().config.name;
    // Each ARN is "arn:" + partition + ":ssm:<region>:<account>:parameter<path>".
    const parameters = ssm.flatMap((s) => [s.Resource].flat()).map((arn: Json) => String(arn["Fn::Join"][1][2]).replace(/^:ssm:eu-central-1:123456789012:parameter/, ""));
    expect(parameters.sort()).toEqual(
      ["OWNER_API_KEY", "COOKIE_SECRET"].flatMap((name) => [`/sst/${app}/test/Secret/${name}/value`, `/sst/${app}/.fallback/Secret/${name}/value`]).sort(),
    );
  });
});

describe("the prod stage", () => {
  it("keeps the table when the stack goes and refuses to delete it", async () => {
    await synth("prod", "database");
    const table = onlyResource(Template.fromStack(getStack(Database)), "AWS::DynamoDB::Table");
    expect(table.DeletionPolicy).toBe("Retain");
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
  });
});
