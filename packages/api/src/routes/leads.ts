import { Hono } from "hono";
import type { AppEnv } from "../env.js";

export const leadRoutes = new Hono<AppEnv>();
