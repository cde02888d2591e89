import { Hono } from "hono";
import type { AppEnv } from "../env.js";

export const quarantineRoutes = new Hono<AppEnv>();
