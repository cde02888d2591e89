import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { DomainError, ownerKeyProblem } from "@parom/core";
import type { Ctx } from "@parom/core";
import { createWebApp } from "@parom/web";
import type { Mailer } from "@parom/core/report";
import { outboxMailer } from "@parom/core/report";
import type { AppEnv } from "./env.js";
import { databaseProblem } from "@parom/core/db";
import { authenticate } from "./middleware/auth.js";
import { limitPathParams } from "./middleware/path-limits.js";
import { securityHeaders } from "./middleware/security-headers.js";
import { handleError } from "./middleware/errors.js";
import { describeRoute } from "./openapi/describe.js";
import { openApiRoutes } from "./openapi/routes.js";
import { assignmentRuleRoutes } from "./routes/assignment-rules.js";
import { alertRoutes } from "./routes/alerts.js";
import { campaignKpiRoutes } from "./routes/campaign-kpis.js";
import { campaignRoutes } from "./routes/campaigns.js";
import { contractorRoutes } from "./routes/contractors.js";
import { hookRoutes } from "./routes/hooks.js";
import { hypothesisRoutes } from "./routes/hypotheses.js";
import { ideaRoutes } from "./routes/ideas.js";
import { learningRoutes } from "./routes/learnings.js";
import { hypothesisAnalyticsRoutes } from "./routes/hypothesis-analytics.js";
import { hypothesisKpiRoutes } from "./routes/hypothesis-kpis.js";
import { hypothesisOptimizationRoutes } from "./routes/hypothesis-optimizations.js";
import { keyRoutes } from "./routes/keys.js";
import { contactViewRoutes } from "./routes/contact-views.js";
import { leadExportRoutes } from "./routes/lead-export.js";
import { leadHandoverRoutes } from "./routes/lead-handovers.js";
import { leadRoutes } from "./routes/leads.js";
import { peopleRoutes } from "./routes/people.js";
import { peopleResultRoutes } from "./routes/people-results.js";
import { callbackRoutes, spotCheckRoutes } from "./routes/callbacks.js";
import { qualityRoutes } from "./routes/quality.js";
import { quarantineRoutes } from "./routes/quarantine.js";
import { reconciliationRoutes } from "./routes/reconciliations.js";
import { contractorReportRoutes, outboxRoutes, reportRoutes } from "./routes/reports.js";
import { requiredTagRoutes } from "./routes/required-tags.js";
import { sourceRoutes } from "./routes/sources.js";
import { spendRoutes } from "./routes/spend.js";

export type AppOptions = {
  ownerApiKey?: string;
  /** Delivers reports run on demand (POST /api/reports/run); by default into the outbox table. */
  mailer?: Mailer;
  /** Signs the web pages' session cookies; without it the web cannot sign anyone in. */
  cookieSecret?: string;
};

const tooLarge = (limit: string) => () => {
  throw new DomainError("payload_too_large", `the body is larger than ${limit}`, "too_large");
};

/** The whole HTTP surface. The Lambda handler and the local server both serve this app. */
export function createApp(ctx: Ctx, options: AppOptions = {}) {
  // Refused here, so every entry point (Lambda cold start, npm start, the demo) stops on a short owner key.
  const keyProblem = ownerKeyProblem(options.ownerApiKey);
  if (keyProblem) throw new Error(keyProblem);
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use(securityHeaders);
  app.notFound((c) => c.json({ error: "not_found", message: `no route ${c.req.method} ${c.req.path}` }, 404));
  app.use(async (c, next) => {
    c.set("ctx", ctx);
    await next();
  });

  app.get(
    "/health",
    describeRoute({
      summary: "Is the service up, database included",
      response: { description: "Up: the table answers.", example: { status: "ok" } },
      errors: { 503: "Something is down: `{status: \"down\", down: [\"database\"], message}`." },
    }),
    async (c) => {
      const problem = await databaseProblem(ctx);
      if (problem) return c.json({ status: "down", down: ["database"], message: `the database does not answer: ${problem}` }, 503);
      return c.json({ status: "ok" });
    },
  );
  // Public: /openapi.json and /docs, built from the routes registered here (each documented beside it).
  app.route("/", openApiRoutes(() => app.routes));

  // Public webhooks: the unguessable key in the path is the credential.
  app.use("/hooks/*", bodyLimit({ maxSize: 256 * 1024, onError: tooLarge("256 KiB") }), limitPathParams);
  app.route("/hooks", hookRoutes);

  app.use("/api/*", bodyLimit({ maxSize: 5 * 1024 * 1024, onError: tooLarge("5 MiB") }), authenticate(options.ownerApiKey), limitPathParams);
  app.route("/api/keys", keyRoutes);
  // Where sub-apps share a base they are mounted in the order given: the first one's routes win.
  // The report first: contractors may read their own report.
  for (const routes of [contractorReportRoutes, contractorRoutes]) app.route("/api/contractors", routes);
  app.route("/api/reports", reportRoutes(options.mailer ?? outboxMailer(ctx)));
  app.route("/api/outbox", outboxRoutes);
  // /api/sources/{id}/assignment (the head of sales sets it, not only who manages sources), /api/sources/{id}/required-tags
  // and /api/hypotheses/{id}/required-tags: ahead of the sources' sub-app, whose guard covers /api/sources/*.
  for (const routes of [assignmentRuleRoutes, requiredTagRoutes]) app.route("/api", routes);
  // The analytics sub-apps come first so that fixed paths such as /api/hypotheses/compare win over /:id.
  for (const routes of [hypothesisKpiRoutes, hypothesisAnalyticsRoutes, hypothesisOptimizationRoutes, hypothesisRoutes])
    app.route("/api/hypotheses", routes);
  app.route("/api/ideas", ideaRoutes);
  app.route("/api/learnings", learningRoutes);
  for (const routes of [campaignKpiRoutes, campaignRoutes]) app.route("/api/campaigns", routes);
  app.route("/api/alerts", alertRoutes);
  app.route("/api/sources", sourceRoutes);
  // The export first: /export and /exports are not lead ids.
  for (const routes of [leadExportRoutes, leadHandoverRoutes, leadRoutes]) app.route("/api/leads", routes);
  // The results board first: `results` is no person id.
  for (const routes of [peopleResultRoutes, peopleRoutes]) app.route("/api/people", routes);
  app.route("/api/contact-views", contactViewRoutes);
  app.route("/api/callbacks", callbackRoutes);
  app.route("/api/spot-checks", spotCheckRoutes);
  app.route("/api/quality", qualityRoutes);
  app.route("/api/quarantine", quarantineRoutes);
  app.route("/api/spend", spendRoutes);
  app.route("/api/reconciliations", reconciliationRoutes);
  // The pages: `/` and every path the API and the webhooks do not claim.
  app.route("/", createWebApp(options));

  return app;
}

export type App = ReturnType<typeof createApp>;
