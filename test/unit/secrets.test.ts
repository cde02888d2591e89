import { GetParametersCommand, SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { readSecrets } from "../../functions/secrets.js";

const ssm = mockClient(SSMClient);
const client = new SSMClient({ region: "eu-central-1" });
const NAMES = ["OWNER_API_KEY", "COOKIE_SECRET"] as const;

/** A function's environment as SST v2 deploys it with both secrets bound. */
const deployed = {
  SST_APP: "parom",
  SST_STAGE: "prod",
  SST_SSM_PREFIX: "/sst/parom/prod/",
  SST_Secret_value_OWNER_API_KEY: "__FETCH_FROM_SSM__",
  SST_Secret_value_COOKIE_SECRET: "__FETCH_FROM_SSM__",
};

/** SSM answering with the parameters given, as GetParameters does (unknown names are simply absent). */
function parametersStored(values: Record<string, string>) {
  ssm.on(GetParametersCommand).callsFake((input: { Names: string[] }) => ({
    Parameters: input.Names.filter((name) => name in values).map((Name) => ({ Name, Value: values[Name], Type: "SecureString" })),
    InvalidParameters: input.Names.filter((name) => !(name in values)),
  }));
}

beforeEach(() => ssm.reset());

describe("reading the secrets at cold start", () => {
  it("takes them from the environment locally, without asking SSM", async () => {
    const secrets = await readSecrets(client, NAMES, { OWNER_API_KEY: "local-owner", COOKIE_SECRET: "" });
    expect(secrets).toEqual({ OWNER_API_KEY: "local-owner", COOKIE_SECRET: undefined });
    expect(ssm.calls()).toHaveLength(0);
  });

  it("reads bound secrets from the stage's SecureString parameters in one decrypting call", async () => {
    parametersStored({ "/sst/parom/prod/Secret/OWNER_API_KEY/value": "prod-owner", "/sst/parom/prod/Secret/COOKIE_SECRET/value": "prod-cookie" });
    const secrets = await readSecrets(client, NAMES, { ...deployed, OWNER_API_KEY: "ignored-plain-value" });
    expect(secrets).toEqual({ OWNER_API_KEY: "prod-owner", COOKIE_SECRET: "prod-cookie" });
    expect(ssm.calls()).toHaveLength(1);
    expect(ssm.call(0).args[0].input).toMatchObject({ WithDecryption: true });
  });

  it("falls back to the app-wide value where the stage has none, the stage's own winning", async () => {
    parametersStored({
      "/sst/parom/prod/Secret/OWNER_API_KEY/value": "prod-owner",
      "/sst/parom/.fallback/Secret/OWNER_API_KEY/value": "fallback-owner",
      "/sst/parom/.fallback/Secret/COOKIE_SECRET/value": "fallback-cookie",
    });
    expect(await readSecrets(client, NAMES, deployed)).toEqual({ OWNER_API_KEY: "prod-owner", COOKIE_SECRET: "fallback-cookie" });
  });

  it("refuses to start without a bound secret, naming it and how to set it", async () => {
    parametersStored({ "/sst/parom/prod/Secret/COOKIE_SECRET/value": "prod-cookie" });
    await expect(readSecrets(client, NAMES, deployed)).rejects.toThrow(
      'Secrets not set for stage "prod": OWNER_API_KEY. Set each with: npx sst secrets set <NAME> <value> --stage prod',
    );
  });

  it("lets a throttled SSM call fail the cold start rather than run without the keys", async () => {
    ssm.on(GetParametersCommand).rejects(Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }));
    await expect(readSecrets(client, NAMES, deployed)).rejects.toThrow("Rate exceeded");
  });
});
