import { Hono } from "hono";
import type { AppEnv } from "../env.js";

export const hookRoutes = new Hono<AppEnv>();
