import { Hono } from "hono";
import type { AppEnv } from "../env.js";

export const sourceRoutes = new Hono<AppEnv>();
