import { inject } from "vitest";
import { createApp } from "../../packages/api/src/app.js";
import type { Ctx } from "../../packages/core/src/context.js";
import { createDocumentClient, ensureTable } from "../../packages/core/src/db/client.js";
import { newId } from "../../packages/core/src/ids.js";

// At least 32 characters, like any owner key the app accepts.
export const OWNER_KEY = "test-owner-key-0123456789abcdefghij";

export type ApiResponse = { status: number; body: any; text: string; headers: Headers };

export type CallOptions = {
  /** Bearer key; defaults to the owner's. `null` sends no Authorization header. */
  key?: string | null;
  headers?: Record<string, string>;
  /** A raw body (form-encoded, CSV...) sent as is instead of JSON. */
  raw?: string | Buffer;
  contentType?: string;
};

/**
 * A fresh table in the run's DynamoDB Local, the real app on it, and a clock the test controls.
 * Requests go through `app.request()`: the full HTTP stack without a socket.
 * `endpoint` points it at another DynamoDB (a test's own, to stop and restart it).
 */
export async function createHarness(options: { now?: string | Date; endpoint?: string } = {}) {
  const doc = createDocumentClient({ endpoint: options.endpoint ?? inject("dynamoEndpoint"), region: "eu-central-1" });
  const table = `test_${newId()}`;
  await ensureTable(doc, table);
  let now = new Date(options.now ?? "2026-03-02T09:00:00Z");
  const ctx: Ctx = { doc, table, timeZone: "Europe/Moscow", now: () => new Date(now) };
  const app = createApp(ctx, { ownerApiKey: OWNER_KEY });

  async function call(method: string, path: string, body?: unknown, opts: CallOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    const key = opts.key === undefined ? OWNER_KEY : opts.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let payload: string | Buffer | undefined;
    if (opts.raw !== undefined) {
      payload = opts.raw;
      if (opts.contentType) headers["content-type"] = opts.contentType;
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers["content-type"] = "application/json";
    }
    const response = await app.request(path, { method, headers, body: payload });
    const text = await response.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  }

  return {
    ctx,
    app,
    call,
    /** Moves the test clock. */
    setNow(at: string | Date) {
      now = new Date(at);
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
