import { Hono } from "hono";
import type { AppEnv } from "../env.js";

export const spendRoutes = new Hono<AppEnv>();
