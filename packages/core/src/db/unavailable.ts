/**
 * Failures that say the database could not be reached or refused to keep up (the network, a timeout
 * of db/client.ts, throttling), as opposed to a bug: a caller's retry a little later succeeds, and
 * what was written before the failure is kept (webhook calls are archived first and swept).
 */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
const UNAVAILABLE_NAMES = new Set([
  "TimeoutError",
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return UNAVAILABLE_NAMES.has(error.name) || (typeof code === "string" && NETWORK_CODES.has(code));
}
