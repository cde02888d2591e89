import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { createApp } from "../../packages/api/src/app.js";
import type { Ctx } from "../../packages/core/src/context.js";
import { OWNER_KEY, type Harness } from "./harness.js";

/** Every item of the harness' table matching `keep` (tests only: a Scan over a small table). */
export async function tableItems(h: Harness, keep: (item: Record<string, any>) => boolean): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let ExclusiveStartKey: Record<string, any> | undefined;
  do {
    const page = await h.ctx.doc.send(new ScanCommand({ TableName: h.ctx.table, ExclusiveStartKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []).filter(keep));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** The archive items of the calls a source received, oldest first. */
export async function deliveriesOf(h: Harness, sourceId: string) {
  const items = await tableItems(h, (item) => item.type === "rawDelivery" && item.sourceId === sourceId);
  return items.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The harness' context with the database going down for good at the first command `trips` accepts
 * (counting from 1 per command class): every command from then on fails as a dropped connection would.
 */
export function outage(h: Harness, trips: (command: object, seen: number) => boolean): Ctx {
  const seen = new Map<string, number>();
  let down = false;
  const send = (command: object) => {
    const name = command.constructor.name;
    seen.set(name, (seen.get(name) ?? 0) + 1);
    if (down || trips(command, seen.get(name)!)) {
      down = true;
      return Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8000"), { name: "ECONNREFUSED" }));
    }
    return h.ctx.doc.send(command as any);
  };
  return { ...h.ctx, doc: { send } as unknown as Ctx["doc"] };
}

/** Posts a webhook call through the app running on `ctx` (e.g. one with an outage). */
export async function postHookOn(ctx: Ctx, key: string, body: { contentType?: string; text: string }) {
  const app = createApp(ctx, { ownerApiKey: OWNER_KEY });
  const response = await app.request(`/hooks/${key}`, { method: "POST", headers: body.contentType ? { "content-type": body.contentType } : {}, body: body.text });
  return { status: response.status, text: await response.text() };
}

/** An amoCRM `leads[add]` call of `count` deals with fresh ids, each tagged with (utmSource, utmCampaign). */
export function amoDeals(count: number, utm: { source: string; campaign: string }, firstId = 50_000_000 + Math.floor(Math.random() * 40_000_000)) {
  const params = new URLSearchParams();
  for (let i = 0; i < count; i++) {
    const deal = `leads[add][${i}]`;
    params.append(`${deal}[id]`, String(firstId + i));
    params.append(`${deal}[name]`, `Заявка ${i}`);
    params.append(`${deal}[status_id]`, "55512345");
    params.append(`${deal}[custom_fields][0][code]`, "UTM_SOURCE");
    params.append(`${deal}[custom_fields][0][values][0][value]`, utm.source);
    params.append(`${deal}[custom_fields][1][code]`, "UTM_CAMPAIGN");
    params.append(`${deal}[custom_fields][1][values][0][value]`, utm.campaign);
  }
  return { contentType: "application/x-www-form-urlencoded", text: params.toString() };
}
