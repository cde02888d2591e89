import type { Hono } from "hono";
import type { WebEnv } from "../env.js";
import { backlogIdeaRoutes } from "./backlog-idea.js";
import { backlogRoutes } from "./backlog.js";
import { callbackRoutes } from "./callbacks.js";
import { accessRoutes } from "./access.js";
import { contractorReportRoutes } from "./contractor-report.js";
import { contractorRoutes } from "./contractors.js";
import { decisionRoutes } from "./hypothesis/decisions/routes.js";
import { hypothesisNewRoutes } from "./hypothesis-new.js";
import { hypothesisRoutes } from "./hypothesis/routes.js";
import { hypothesisEditRoutes } from "./hypothesis/edit-routes.js";
import { keyRoutes } from "./keys.js";
import { leadAssignmentRoutes } from "./lead-assignment-routes.js";
import { leadRoutes } from "./leads.js";
import { learningRoutes } from "./learnings.js";
import { peopleRoutes } from "./people.js";
import { qualityRoutes } from "./quality.js";
import { quarantineRoutes } from "./quarantine.js";
import { reconciliationRoutes } from "./reconciliation.js";
import { reportResendRoutes } from "./report-resend.js";
import { reportRunRoutes } from "./reports-run.js";
import { resultsRoutes } from "./results.js";
import { signInRoutes } from "./sign-in.js";
import { sourceAssignmentRoutes } from "./source-assignment.js";
import { sourceMapRemovalRoutes } from "./source-map-removal.js";
import { sourceMapRoutes } from "./source-maps.js";
import { sourceRoutes } from "./sources.js";
import { spendRoutes } from "./spend.js";

/**
 * Every page module, mounted at "/" in this order; a fixed path such as /hypotheses/new must come
 * before a module with /hypotheses/:id. A new page adds its module here and its menu entry in nav.ts.
 */
export const pageModules: Hono<WebEnv>[] = [
  signInRoutes,
  hypothesisNewRoutes,
  hypothesisRoutes,
  decisionRoutes,
  hypothesisEditRoutes,
  accessRoutes, // ahead of leadRoutes: /leads/export is not a lead id
  leadAssignmentRoutes,
  leadRoutes,
  peopleRoutes,
  quarantineRoutes,
  spendRoutes,
  sourceAssignmentRoutes,
  sourceMapRemovalRoutes,
  sourceMapRoutes,
  sourceRoutes,
  contractorRoutes,
  contractorReportRoutes,
  qualityRoutes,
  callbackRoutes,
  reconciliationRoutes,
  resultsRoutes,
  keyRoutes,
  reportRunRoutes,
  backlogRoutes,
  backlogIdeaRoutes,
  learningRoutes,
  reportResendRoutes,
];
