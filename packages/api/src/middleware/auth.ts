import { createMiddleware } from "hono/factory";
import { ApiKeys, markGuard, type Permission, rolesWith } from "@parom/core/access";
import type { Role } from "@parom/core/access";
import { DomainError, ForbiddenError } from "@parom/core";
import type { AppEnv } from "../env.js";

/** What a guard demands; the API reference reads it, so the roles it shows are the ones enforced. */
export type AccessRule = { roles?: readonly Role[] };
const accessRules = new WeakMap<object, AccessRule>();
function guard<M extends object>(middleware: M, rule: AccessRule): M {
  accessRules.set(middleware, rule);
  return middleware;
}

/** The rule of an `authenticate` or `allow` middleware, if `handler` is one. */
export const accessRuleOf = (handler: unknown) => (typeof handler === "function" ? accessRules.get(handler) : undefined);

/** Requires `Authorization: Bearer <key>` naming a live key; sets `principal`. */
export function authenticate(ownerApiKey: string | undefined) {
  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError("unauthorized", "send Authorization: Bearer <api key>", "unauthenticated");
    const principal = await ApiKeys.authenticate(c.var.ctx, match[1]!, ownerApiKey);
    if (!principal) throw new DomainError("unauthorized", "this API key is unknown or revoked", "unauthenticated");
    c.set("principal", principal);
    await next();
  });
  return guard(middleware, {});
}

/** Lets through only the roles holding `permission` in core's table; everyone else gets 403. */
export function allow(permission: Permission) {
  const allowed = rolesWith(permission);
  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    if (!allowed.includes(c.var.principal.role)) {
      throw new ForbiddenError(`this needs the ${allowed.join(" or ")} role; your key is ${c.var.principal.role}`);
    }
    await next();
  });
  return guard(markGuard(middleware, permission), { roles: allowed });
}
