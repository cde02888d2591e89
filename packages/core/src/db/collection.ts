import type { Ctx } from "../context.js";
import type { Partition } from "./entity.js";
import { queryAll } from "./query-all.js";

/** What a collection needs of an entity: where its items sort in the partition, and how to parse one. */
type Member<D> = { type: string; partition?: Partition<any>; parse: (item: Record<string, unknown>) => D };

type Collection<M extends Record<string, Member<unknown>>> = { [Name in keyof M]: ReturnType<M[Name]["parse"]>[] };

/**
 * Every item of the primary-key partition `pk` that belongs to one of `members` (ElectroDB's
 * collections: a lead with its stage history and attempts, a campaign's three kinds of counters),
 * in one query followed page by page; the partition must stay bounded. An item belongs to the
 * member whose declared `sortKey` it has or whose `sortPrefix` starts its sort key (the sort key,
 * not `type`: counter items, written by ADD upserts, carry no type). Each member's items are parsed
 * with its schema and come in sort-key order; items of no member are left out.
 * @example const { lead, history } = await readCollection(ctx, LeadEntity.key({ id }).pk, { lead: LeadEntity, history: StageChangeEntity }, { consistent: true })
 */
export async function readCollection<M extends Record<string, Member<unknown>>>(ctx: Ctx, pk: string, members: M, options: { consistent?: boolean } = {}): Promise<Collection<M>> {
  const owners = Object.entries(members).map(([name, member]) => ({ name, member, owns: ownerTest(member) }));
  const read = Object.fromEntries(owners.map(({ name }) => [name, [] as unknown[]]));
  const items = await queryAll(ctx, { KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": pk }, ...(options.consistent ? { ConsistentRead: true } : {}) });
  for (const item of items) {
    const owner = owners.find(({ owns }) => owns(String(item.sk)));
    if (owner) read[owner.name]!.push(owner.member.parse(item));
  }
  return read as Collection<M>;
}

function ownerTest({ type, partition }: Member<unknown>): (sk: string) => boolean {
  const { sortKey, sortPrefix } = partition ?? {};
  if (sortKey !== undefined) return (sk) => sk === sortKey;
  if (sortPrefix !== undefined) return (sk) => sk.startsWith(sortPrefix);
  throw new Error(`${type} declares no sortKey or sortPrefix in its partition, so its items cannot be told apart`);
}
