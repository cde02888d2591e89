import type { Context } from "hono";

/**
 * The address a request came from, as the platform saw it: API Gateway's `sourceIp` on Lambda
 * (HTTP API or REST), the socket's peer under `npm start`. Never X-Forwarded-For, which any client
 * can write. "unknown" when neither is there (`app.request()` in tests).
 */
export function clientAddress(c: Context): string {
  const env = (c.env ?? {}) as {
    requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } };
    incoming?: { socket?: { remoteAddress?: string } };
  };
  return env.requestContext?.http?.sourceIp ?? env.requestContext?.identity?.sourceIp ?? env.incoming?.socket?.remoteAddress ?? "unknown";
}
