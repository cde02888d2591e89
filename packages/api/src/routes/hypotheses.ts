import { Hono } from "hono";
import type { AppEnv } from "../env.js";

export const hypothesisRoutes = new Hono<AppEnv>();
