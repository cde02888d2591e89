import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { z } from "zod";
import type { Ctx } from "../context.js";
import { batchGetAll } from "./batch-get.js";
import { queryAll, queryPage } from "./query-all.js";
import { tableDefinition, type IndexName } from "./table.js";
import { named, type TransactItem } from "./transact.js";
import { conditionOf, updateOf, type Changes, type Condition } from "./write-expressions.js";

/*
 * The entity layer: each kind of item in the single table is declared once, as data (after
 * ElectroDB's conventions): its `type`, a zod schema of its attributes, its primary key template and
 * its listings by access-pattern name. Reads parse items with the schema (no `Record<string, any>`
 * mappers), writes build keys and listing attributes from the item itself, creates and updates state
 * their conditions, and transaction items carry names. Key formats are the ones the items always had.
 */

export type PrimaryKey = { pk: string; sk: string };

/**
 * A listing on one of the table's indexes. `partition` names the partition an item (or a query's
 * arguments) belongs to, null when the item is not listed there; `sort` orders items within it.
 */
export type AccessPattern<P, I> = { index: IndexName; partition: (args: P) => string | null; sort: (item: I) => string };

/** A sort-key condition for a query: a prefix, or a range (inclusive). */
export type SortCondition = { beginsWith: string } | { between: [string, string] } | { from: string } | { to: string };

export type PageOptions = { cursor?: string; limit: number; newestFirst?: boolean; sort?: SortCondition };

/**
 * The items an entity keeps in one primary-key partition, read in one query (ElectroDB's
 * collections): `of` names the partition, `sortPrefix` the sort keys of this entity's items in it
 * (a partition may hold other items too, a lead's stage history beside the lead, say), or
 * `sortKey` the one sort key of a partition's head item (the lead itself, at `LEAD`).
 */
export type Partition<A> = { of: (args: A) => string; sortPrefix?: string; sortKey?: string };

export type PartitionOptions = { sort?: SortCondition; consistent?: boolean; newestFirst?: boolean };

type EntityDefinition<S extends z.ZodType, K, Patterns, A> = {
  /** The item's `type` attribute. */
  type: string;
  /** The attributes an item holds besides its keys; reads are parsed with it. */
  schema: S;
  /** The primary key, from the attributes that make it (an item has them too). */
  key: (ids: K) => PrimaryKey;
  patterns?: Patterns;
  partition?: Partition<A>;
};

/**
 * Declares an entity.
 * @example const Contractor = defineEntity({ type: "contractor", schema: ContractorItem, key: ({ id }: { id: string }) => ({ pk: `CONTRACTOR#${id}`, sk: "CONTRACTOR" }) })
 */
export function defineEntity<S extends z.ZodType<Record<string, unknown>>, K, Patterns extends Record<string, AccessPattern<any, z.infer<S>>> = {}, A = never>(
  definition: EntityDefinition<S, K, Patterns, A>,
) {
  type Data = z.infer<S>;
  const patterns = (definition.patterns ?? {}) as Patterns;
  const keyOf = (ids: K) => definition.key(ids);

  /** The listing attributes (gsiNpk/gsiNsk) of every pattern the item belongs to. */
  const listings = (data: Data): Record<string, string> => {
    const attributes: Record<string, string> = {};
    for (const pattern of Object.values(patterns)) {
      const partition = pattern.partition(data);
      if (partition === null) continue;
      const index = tableDefinition.globalIndexes[pattern.index];
      attributes[index.partitionKey] = partition;
      attributes[index.sortKey] = pattern.sort(data);
    }
    return attributes;
  };

  /** The query of `inPartition`: the entity's own sort keys unless `options.sort` names others. */
  const partitionQuery = (args: A, options: PartitionOptions) => {
    const partition = definition.partition;
    if (!partition) throw new Error(`${definition.type} declares no partition`);
    const { sortPrefix, sortKey } = partition;
    const own: SortCondition | undefined = sortKey !== undefined ? { between: [sortKey, sortKey] } : sortPrefix !== undefined ? { beginsWith: sortPrefix } : undefined;
    const sort = sortCondition("sk", options.sort ?? own);
    return {
      KeyConditionExpression: `pk = :p${sort.expression}`,
      ExpressionAttributeValues: { ":p": partition.of(args), ...sort.values },
      ScanIndexForward: !options.newestFirst,
      ConsistentRead: options.consistent,
    };
  };

  const entity = {
    type: definition.type,
    schema: definition.schema,
    key: keyOf,
    patterns,
    partition: definition.partition,

    /**
     * The whole item as stored: keys, listings, `type` and the attributes. `ids` make the key when
     * the item does not hold them (a stage change's unique id, a claim's UTM pair).
     */
    item(data: Data, ids: K = data as unknown as K): Record<string, unknown> {
      return { ...keyOf(ids), ...listings(data), type: definition.type, ...data };
    },

    /** An item read from the table as the entity's attributes (its keys dropped); throws if it does not fit the schema. */
    parse(item: Record<string, unknown>): Data {
      return definition.schema.parse(item);
    },

    async get(ctx: Ctx, ids: K, options: { consistent?: boolean } = {}): Promise<Data | undefined> {
      const { Item } = await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: keyOf(ids), ConsistentRead: options.consistent }));
      return Item ? entity.parse(Item) : undefined;
    },

    /** The items at `ids` that exist (any number: read in batches of 100), in no particular order. */
    async getMany(ctx: Ctx, ids: K[], options: { consistent?: boolean } = {}): Promise<Data[]> {
      return (await batchGetAll(ctx, ids.map(keyOf), options)).map(entity.parse);
    },

    /** Writes the item; false when its condition failed (a create of an item that exists, say). */
    async put(ctx: Ctx, data: Data, condition?: Condition, ids?: K): Promise<boolean> {
      try {
        await ctx.doc.send(new PutCommand({ TableName: ctx.table, Item: entity.item(data, ids), ...conditionOf(condition) }));
        return true;
      } catch (error) {
        if (isConditionFailed(error)) return false;
        throw error;
      }
    },

    /** The item's put as a named transaction item (`ids` as in `item`). */
    putItem(ctx: Ctx, data: Data, condition?: Condition, name = definition.type, ids?: K): TransactItem {
      return named(name, { Put: { TableName: ctx.table, Item: entity.item(data, ids), ...conditionOf(condition) } });
    },

    /**
     * Applies `changes` to the item; answers the item as it is now, or undefined when the condition
     * failed (by default the item must exist).
     */
    async update(ctx: Ctx, ids: K, changes: Changes, condition: Condition = "exists"): Promise<Data | undefined> {
      try {
        const { Attributes } = await ctx.doc.send(new UpdateCommand({ TableName: ctx.table, Key: keyOf(ids), ...updateOf(changes, condition), ReturnValues: "ALL_NEW" }));
        return entity.parse(Attributes!);
      } catch (error) {
        if (isConditionFailed(error)) return undefined;
        throw error;
      }
    },

    /** The update as a named transaction item. */
    updateItem(ctx: Ctx, ids: K, changes: Changes, condition: Condition = "exists", name = definition.type): TransactItem {
      return named(name, { Update: { TableName: ctx.table, Key: keyOf(ids), ...updateOf(changes, condition) } });
    },

    /** Deletes the item; false when its condition failed. */
    async remove(ctx: Ctx, ids: K, condition?: Condition): Promise<boolean> {
      try {
        await ctx.doc.send(new DeleteCommand({ TableName: ctx.table, Key: keyOf(ids), ...conditionOf(condition) }));
        return true;
      } catch (error) {
        if (isConditionFailed(error)) return false;
        throw error;
      }
    },

    /** The delete as a named transaction item. */
    removeItem(ctx: Ctx, ids: K, condition?: Condition, name = definition.type): TransactItem {
      return named(name, { Delete: { TableName: ctx.table, Key: keyOf(ids), ...conditionOf(condition) } });
    },

    /** A condition the item must meet for the transaction to go through, writing nothing (a hypothesis still open, say). */
    checkItem(ctx: Ctx, ids: K, condition: Exclude<Condition, "none">, name = definition.type): TransactItem {
      return named(name, { ConditionCheck: { TableName: ctx.table, Key: keyOf(ids), ...conditionOf(condition) } });
    },

    /** One page of a listing, oldest first unless `newestFirst`, with an opaque cursor for the next. */
    async page<N extends keyof Patterns>(ctx: Ctx, pattern: N, args: Parameters<Patterns[N]["partition"]>[0], options: PageOptions): Promise<{ items: Data[]; nextCursor: string | null }> {
      const result = await queryPage(ctx, listingQuery(patterns[pattern]!, args, options), options);
      return { items: result.items.map(entity.parse), nextCursor: result.nextCursor };
    },

    /** Every item of a listing (bounded listings only). */
    async all<N extends keyof Patterns>(ctx: Ctx, pattern: N, args: Parameters<Patterns[N]["partition"]>[0], options: Omit<PageOptions, "cursor" | "limit"> = {}): Promise<Data[]> {
      return (await queryAll(ctx, listingQuery(patterns[pattern]!, args, options))).map(entity.parse);
    },

    /**
     * Every item of a listing, only the attributes `view` declares (a projection saves transfer, not
     * read units), parsed with it: a report that reads a few fields of many items.
     */
    async allAs<N extends keyof Patterns, V extends z.ZodObject>(ctx: Ctx, pattern: N, args: Parameters<Patterns[N]["partition"]>[0], view: V, options: Omit<PageOptions, "cursor" | "limit"> = {}): Promise<z.infer<V>[]> {
      const attributes = Object.keys(view.shape);
      const projection = { ProjectionExpression: attributes.map((_, i) => `#p${i}`).join(", "), ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#p${i}`, a])) };
      return (await queryAll(ctx, { ...listingQuery(patterns[pattern]!, args, options), ...projection })).map((item) => view.parse(item));
    },

    /**
     * The entity's items in one primary-key partition, by sort key (newest last unless
     * `newestFirst`): those under its `sortPrefix`, or the `sort` condition's (on whole sort keys).
     */
    async inPartition(ctx: Ctx, args: A, options: PartitionOptions = {}): Promise<Data[]> {
      return (await queryAll(ctx, partitionQuery(args, options))).map(entity.parse);
    },

    /** One page of `inPartition`, with an opaque cursor for the next: a log too long to read whole. */
    async pageInPartition(ctx: Ctx, args: A, options: PageOptions): Promise<{ items: Data[]; nextCursor: string | null }> {
      const result = await queryPage(ctx, partitionQuery(args, options), options);
      return { items: result.items.map(entity.parse), nextCursor: result.nextCursor };
    },
  };
  return entity;
}

/** True when a single write failed its condition. */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as Error | undefined)?.name === "ConditionalCheckFailedException";
}

function listingQuery(pattern: AccessPattern<any, any>, args: unknown, options: Omit<PageOptions, "cursor" | "limit">) {
  const index = tableDefinition.globalIndexes[pattern.index];
  const partition = pattern.partition(args);
  if (partition === null) throw new Error(`no ${pattern.index} listing for these arguments`);
  const sort = sortCondition(index.sortKey, options.sort);
  return {
    IndexName: pattern.index,
    KeyConditionExpression: `${index.partitionKey} = :p${sort.expression}`,
    ExpressionAttributeValues: { ":p": partition, ...sort.values },
    ScanIndexForward: !options.newestFirst,
  };
}

function sortCondition(attribute: string, condition: SortCondition | undefined): { expression: string; values: Record<string, string> } {
  if (!condition) return { expression: "", values: {} };
  if ("beginsWith" in condition) return { expression: ` AND begins_with(${attribute}, :s)`, values: { ":s": condition.beginsWith } };
  if ("between" in condition) return { expression: ` AND ${attribute} BETWEEN :s AND :e`, values: { ":s": condition.between[0], ":e": condition.between[1] } };
  if ("from" in condition) return { expression: ` AND ${attribute} >= :s`, values: { ":s": condition.from } };
  return { expression: ` AND ${attribute} <= :e`, values: { ":e": condition.to } };
}
