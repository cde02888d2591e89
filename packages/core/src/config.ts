/** Everything the core reads from the environment, read in this one place. */
export type Config = {
  tableName: string;
  /** Set for DynamoDB Local or any non-AWS endpoint; unset on AWS. */
  endpoint?: string;
  region: string;
  timeZone: string;
  ownerApiKey?: string;
};

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    tableName: env.TABLE_NAME || "parom",
    endpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || "eu-central-1",
    timeZone: env.TIME_ZONE || "Europe/Moscow",
    ownerApiKey: env.OWNER_API_KEY || undefined,
  };
}
