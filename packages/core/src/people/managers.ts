import type { Ctx } from "../context.js";
import { DomainError, InvalidInputError } from "../errors.js";
import { PersonEntity, type Person } from "./person.js";

/**
 * The people named by `ids` (a field of a request at `path`), each of whom must exist (404 naming
 * the field) and, with `managersOnly`, be a manager (400 naming the field): leads go to managers.
 * @example await namedPeople(ctx, [{ id, path: "personIds.0" }], { managersOnly: true })
 */
export async function namedPeople(ctx: Ctx, named: Array<{ id: string; path: string }>, options: { managersOnly?: boolean } = {}): Promise<Person[]> {
  const found = new Map((await PersonEntity.getMany(ctx, named.map(({ id }) => ({ id })))).map((person) => [person.id, person]));
  const missing = named.find(({ id }) => !found.has(id));
  if (missing) throw new DomainError("not_found", `${missing.path}: person ${missing.id} does not exist`, "not_found", { field: missing.path });
  if (options.managersOnly) {
    const issues = named.filter(({ id }) => found.get(id)!.role !== "manager").map(({ id, path }) => ({ path, message: `person ${id} is not a manager` }));
    if (issues.length) throw new InvalidInputError(`leads go to managers: ${issues.map((i) => i.path).join(", ")}`, issues);
  }
  return named.map(({ id }) => found.get(id)!);
}
