/** Everything the core reads from the environment, read in this one place. */
export type Config = {
  tableName: string;
  /** Set for DynamoDB Local or any non-AWS endpoint; unset on AWS. */
  endpoint?: string;
  region: string;
  timeZone: string;
  ownerApiKey?: string;
};

/** An owner key shorter than this is refused at start: it is the one credential that opens everything. */
export const OWNER_KEY_MIN_LENGTH = 32;

/** Why `ownerApiKey` cannot be used, or undefined when it can (or is not set). */
export function ownerKeyProblem(ownerApiKey: string | undefined): string | undefined {
  if (ownerApiKey === undefined || ownerApiKey.length >= OWNER_KEY_MIN_LENGTH) return undefined;
  return `OWNER_API_KEY is ${ownerApiKey.length} characters long; it must be at least ${OWNER_KEY_MIN_LENGTH}. Make one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    tableName: env.TABLE_NAME || "parom",
    endpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || "eu-central-1",
    timeZone: env.TIME_ZONE || "Europe/Moscow",
    ownerApiKey: env.OWNER_API_KEY || undefined,
  };
}
