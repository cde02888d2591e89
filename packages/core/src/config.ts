/** Everything the core reads from the environment, read in this one place. */
export type Config = {
  tableName: string;
  /** Set for DynamoDB Local or any non-AWS endpoint; unset on AWS. */
  endpoint?: string;
  region: string;
  timeZone: string;
  ownerApiKey?: string;
  /** Days within which the same phone or e-mail from another source is the same lead (lead/same-person.ts). */
  dedupWindowDays: number;
};

/** An owner key shorter than this is refused at start: it is the one credential that opens everything. */
export const OWNER_KEY_MIN_LENGTH = 32;

/** Why `ownerApiKey` cannot be used, or undefined when it can (or is not set). */
export function ownerKeyProblem(ownerApiKey: string | undefined): string | undefined {
  if (ownerApiKey === undefined || ownerApiKey.length >= OWNER_KEY_MIN_LENGTH) return undefined;
  return `OWNER_API_KEY is ${ownerApiKey.length} characters long; it must be at least ${OWNER_KEY_MIN_LENGTH}. Make one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`;
}

/** The de-duplication window unless DEDUP_WINDOW_DAYS says otherwise. */
export const DEFAULT_DEDUP_WINDOW_DAYS = 30;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    tableName: env.TABLE_NAME || "parom",
    endpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || "eu-central-1",
    timeZone: env.TIME_ZONE || "Europe/Moscow",
    ownerApiKey: env.OWNER_API_KEY || undefined,
    dedupWindowDays: dedupWindowDays(env.DEDUP_WINDOW_DAYS),
  };
}

/** A whole number of days from 0 (never link) to 365; anything else stops the start naming the variable. */
function dedupWindowDays(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_DEDUP_WINDOW_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 0 || days > 365) throw new Error(`DEDUP_WINDOW_DAYS must be a whole number of days from 0 to 365, not "${value}"`);
  return days;
}
