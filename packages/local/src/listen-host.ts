import { isIP } from "node:net";

/** Where `npm start` listens: loopback unless HOST says otherwise. */
export type ListenHost = { host: string; loopback: boolean; warning?: string };

const LOOPBACK_NAMES = new Set(["localhost", "::1"]);

/** True for an address or name that only this machine can reach. */
export function isLoopback(host: string): boolean {
  if (LOOPBACK_NAMES.has(host.toLowerCase())) return true;
  return isIP(host) === 4 && host.startsWith("127.");
}

/**
 * The app's listening address from `HOST` (default 127.0.0.1), with a warning to print when it
 * reaches beyond this machine.
 * @example listenHost({ HOST: "0.0.0.0" }).warning // "Warning: HOST=0.0.0.0 ..."
 */
export function listenHost(env: NodeJS.ProcessEnv = process.env): ListenHost {
  const host = env.HOST?.trim() || "127.0.0.1";
  if (isLoopback(host)) return { host, loopback: true };
  return {
    host,
    loopback: false,
    warning:
      `Warning: HOST=${host} lets other machines reach Parom over plain HTTP: the sign-in page, the API and the ` +
      "webhooks (/hooks/{key}). API keys, source keys and the session cookie cross the network unencrypted, and " +
      "anyone who sees one can read every lead. DynamoDB Local, which has no authentication, still listens on " +
      "127.0.0.1 only. Put HTTPS and a firewall in front, or unset HOST to keep Parom on this machine.",
  };
}

/** How a URL names `host`: localhost for the default, IPv6 addresses in brackets. */
export const hostForUrl = (host: string): string => (host === "127.0.0.1" ? "localhost" : host.includes(":") ? `[${host}]` : host);
