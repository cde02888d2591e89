import { Hono } from "hono";
import type { AppEnv } from "../env.js";

export const alertRoutes = new Hono<AppEnv>();
