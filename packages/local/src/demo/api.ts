/** How the demo talks to Parom: the public HTTP API only, in process or over a socket. */

export type ApiResponse = { status: number; body: any; text: string };
/**
 * `raw` is sent as is (a webhook's form body) with `contentType`; otherwise `body` goes as JSON.
 * `key` signs this one call with another key (a salesperson's, to act as them).
 */
export type ApiOptions = { raw?: string; contentType?: string; key?: string };
export type Api = (method: string, path: string, body?: unknown, options?: ApiOptions) => Promise<ApiResponse>;

type Fetch = (path: string, init: RequestInit) => Response | Promise<Response>;

/**
 * An `Api` over any fetch-like function, signed with `key` (the owner's).
 * @example apiOver((path, init) => app.request(path, init), ownerKey)
 * @example apiOver((path, init) => fetch(`http://localhost:3000${path}`, init), ownerKey)
 */
export function apiOver(fetchLike: Fetch, key: string): Api {
  return async (method, path, body, options = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${options.key ?? key}` };
    let payload: string | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      if (options.contentType) headers["content-type"] = options.contentType;
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers["content-type"] = "application/json";
    }
    const response = await fetchLike(path, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (Tilda's "ok"): the text is the body.
    }
    return { status: response.status, body: parsed, text };
  };
}

export class DemoStepError extends Error {
  constructor(step: string, response: ApiResponse) {
    super(`${step}: HTTP ${response.status} ${response.text.slice(0, 500)}`);
    this.name = "DemoStepError";
  }
}

/** The body of a 2xx answer; anything else stops the demo with the step and the server's answer. */
export async function ok(step: string, pending: Promise<ApiResponse>): Promise<any> {
  const response = await pending;
  if (response.status < 200 || response.status > 299) throw new DemoStepError(step, response);
  return response.body;
}

/** Every item of a cursor-paged listing (`{items, nextCursor}`). */
export async function allPages(api: Api, path: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const page: { items: any[]; nextCursor: string | null } = await ok(
      `GET ${path}`,
      api("GET", `${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inPool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
