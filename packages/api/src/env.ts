import type { Principal } from "@parom/core/access";
import type { Ctx } from "@parom/core";

/** Hono's typing for our app: every request carries the domain context and, under /api, the caller. */
export type AppEnv = { Variables: { ctx: Ctx; principal: Principal } };
