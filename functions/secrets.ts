import { GetParametersCommand, type SSMClient } from "@aws-sdk/client-ssm";

/** What SST v2 puts in a bound secret's environment variable: the value itself is in SSM. */
const IN_SSM = "__FETCH_FROM_SSM__";

/**
 * Secrets by name. Locally (`npm start`, tests) they are plain environment variables. On AWS the
 * stacks bind them as SST secrets (stacks/Api.ts), so the function's environment holds only
 * `SST_Secret_value_<NAME>` = IN_SSM and the value is a SecureString parameter set with
 * `npx sst secrets set <NAME> <value> --stage <stage>`: the stage's own, else the app's fallback
 * (`--fallback`). One GetParameters call reads them all (at most 10 names: five secrets), at cold start.
 * Throws naming every bound secret that is set in neither place.
 */
export async function readSecrets<Name extends string>(ssm: SSMClient, names: readonly Name[], env: NodeJS.ProcessEnv = process.env): Promise<Record<Name, string | undefined>> {
  const values = {} as Record<Name, string | undefined>;
  const bound = names.filter((name) => env[`SST_Secret_value_${name}`] === IN_SSM);
  for (const name of names) if (!bound.includes(name)) values[name] = env[name] || undefined;
  if (bound.length === 0) return values;

  const prefix = env.SST_SSM_PREFIX || `/sst/${env.SST_APP}/${env.SST_STAGE}/`;
  const own = (name: string) => `${prefix}Secret/${name}/value`;
  const fallback = (name: string) => `/sst/${env.SST_APP}/.fallback/Secret/${name}/value`;
  const { Parameters = [] } = await ssm.send(new GetParametersCommand({ Names: bound.flatMap((name) => [own(name), fallback(name)]), WithDecryption: true }));
  const stored = new Map(Parameters.map((p) => [p.Name, p.Value]));
  const missing: Name[] = [];
  for (const name of bound) {
    values[name] = stored.get(own(name)) ?? stored.get(fallback(name));
    if (!values[name]) missing.push(name);
  }
  if (missing.length > 0) {
    throw new Error(`Secrets not set for stage "${env.SST_STAGE}": ${missing.join(", ")}. Set each with: npx sst secrets set <NAME> <value> --stage ${env.SST_STAGE}`);
  }
  return values;
}
