import type { Principal } from "../../core/src/access/principal.js";
import type { Ctx } from "../../core/src/context.js";

/** Hono's typing for our app: every request carries the domain context and, under /api, the caller. */
export type AppEnv = { Variables: { ctx: Ctx; principal: Principal } };
