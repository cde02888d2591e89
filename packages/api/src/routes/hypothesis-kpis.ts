import { Hono } from "hono";
import type { AppEnv } from "../env.js";

export const hypothesisKpiRoutes = new Hono<AppEnv>();
