import { expect } from "vitest";
import { createApp } from "../../packages/api/src/app.js";
import { createHarness, OWNER_KEY } from "./harness.js";

export const COOKIE_SECRET = "test-cookie-secret-of-enough-length-0123456789";

/** The harness's table and clock with the app built the way `npm start` builds it: with a cookie secret. */
export async function createWebHarness(options: { now?: string } = {}) {
  const h = await createHarness(options);
  const app = createApp(h.ctx, { ownerApiKey: OWNER_KEY, cookieSecret: COOKIE_SECRET });
  return { ...h, web: app, browser: (defaults: BrowserOptions = {}) => new Browser(app, defaults) };
}
export type WebHarness = Awaited<ReturnType<typeof createWebHarness>>;

/** The page tests' usual start: a web harness at `now` and the owner signed in with an English browser. */
export async function ownerSignedIn(now = "2026-03-02T09:00:00Z") {
  const h = await createWebHarness({ now });
  const owner = h.browser({ acceptLanguage: "en" });
  await owner.signIn(OWNER_KEY);
  return { h, owner };
}

/** `clientIp`: the peer address the app sees, as the Node server would pass it. */
type BrowserOptions = { acceptLanguage?: string; origin?: string; clientIp?: string };
export type Page = { status: number; html: string; location: string | null; setCookies: string[]; headers: Headers };

/**
 * A browser without the rendering: it keeps cookies, sends the Origin a browser sends with a
 * form, and remembers the `_csrf` token of the last page it saw.
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  csrf = "";

  constructor(
    private readonly app: ReturnType<typeof createApp>,
    private readonly defaults: BrowserOptions,
  ) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.send(path, { method: "GET", headers });
  }

  /** A form post; `_csrf` is the remembered token unless the fields name their own (or `null` to leave it out). */
  async post(path: string, fields: Record<string, string | null> | FormData, headers: Record<string, string> = {}): Promise<Page> {
    let body: URLSearchParams | FormData;
    if (fields instanceof FormData) {
      body = fields;
      if (!body.has("_csrf")) body.set("_csrf", this.csrf);
    } else {
      const withToken = { _csrf: this.csrf, ...fields };
      body = new URLSearchParams(Object.entries(withToken).filter((entry): entry is [string, string] => entry[1] !== null));
    }
    return this.send(path, { method: "POST", body, headers: { origin: this.defaults.origin ?? "http://localhost", ...headers } });
  }

  async signIn(key: string, next?: string): Promise<Page> {
    await this.get("/");
    return this.post("/sign-in", { key, ...(next ? { next } : {}) });
  }

  private async send(path: string, init: { method: string; body?: URLSearchParams | FormData; headers: Record<string, string> }): Promise<Page> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.defaults.acceptLanguage) headers["accept-language"] = this.defaults.acceptLanguage;
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const url = path.startsWith("http") ? path : `http://localhost${path}`;
    const env = this.defaults.clientIp ? { incoming: { socket: { remoteAddress: this.defaults.clientIp } } } : undefined;
    const response = await this.app.request(url, { method: init.method, headers, body: init.body }, env);
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair = ""] = line.split(";");
      const [name = "", value = ""] = pair.split(/=(.*)/s);
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const html = await response.text();
    const token = /name="_csrf" value="([^"]*)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, html, location: response.headers.get("location"), setCookies, headers: response.headers };
  }
}

/** The text of a page without tags, whitespace collapsed, for asserting what a person reads. */
export const textOf = (html: string) =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Asserts what a person gets from a request: the page's status and a text it shows.
 * @example expectPage(refused, 409, "Closing a hypothesis needs a reason.")
 */
export function expectPage(page: Page, status: number, text: string): void {
  expect(page.status).toBe(status);
  expect(textOf(page.html)).toContain(text);
}

/** A web harness at `now` with a marketer signed in, reading Russian, who has opened `path` (so the form's token is set). */
export async function marketerOn(path: string, now: string) {
  const h = await createWebHarness({ now });
  const marketer = h.browser({ acceptLanguage: "ru" });
  await marketer.signIn((await h.call("POST", "/api/keys", { role: "marketer" })).body.key);
  await marketer.get(path);
  return { h, marketer };
}
