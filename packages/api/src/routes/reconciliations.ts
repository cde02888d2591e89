import { Hono, type Context } from "hono";
import { InvalidInputError } from "@parom/core";
import { declaredCharset } from "@parom/core/text";
import { ListReconciliationsQuery, ReconcileQuery, Reconciliations } from "@parom/core/reconciliation";
import type { AppEnv } from "../env.js";
import { allow } from "../middleware/auth.js";
import { describeRoute } from "../openapi/describe.js";
import { queryParams } from "../validate.js";

/**
 * POST `?from=&to=` with the accounting file as the body (text/csv, application/octet-stream) or
 * as a multipart field `file` -> 201 with the kept reconciliation; GET `/` lists them newest
 * first without the per-client arrays; GET `/:id` answers one again in full.
 */
export const reconciliationRoutes = new Hono<AppEnv>()
  .use(allow("reconciliations.manage"))
  .post(
    "/",
    describeRoute({
      summary: "Reconcile an accounting system's closed clients with the leads won",
      description:
        "A 1C export of closed clients (`;`, tab or `,`) matched one to one to won leads by INN, " +
        "phone, e-mail, then company name. Without `from`/`to`, the period is the whole months the file's dates fall in. " +
        "The file is read in the `charset` its Content-Type declares (windows-1251, koi8-r, utf-8...); without one, UTF-8 or UTF-16 " +
        "with a BOM, UTF-8, else windows-1251. Bytes not valid in a declared charset, or an unknown charset, are a 400.",
      query: ReconcileQuery,
      bodies: {
        "text/csv": { description: "The file's bytes as exported." },
        "application/octet-stream": { description: "The file's bytes as exported." },
        "multipart/form-data": { description: "The file in a field named `file`." },
      },
      response: { status: 201, description: "The kept reconciliation: `matched`, `onlyInAccounting` (each with an English `reason` and its stable `reasonCode` and `reasonDetails`), `onlyInCrm`, totals, rejected lines and warnings (each with an English `reason` and its `problems` as codes with details)." },
    }),
    async (c) => {
      const query = queryParams(c, ReconcileQuery);
      const file = await fileBytes(c);
      const result = await Reconciliations.run(c.var.ctx, file.bytes, query, `key:${c.var.principal.keyId}`, declaredCharset(file.contentType));
      return c.json(result, 201);
    },
  )
  .get(
    "/",
    describeRoute({
      summary: "Reconciliations, newest first, without their per-client lists",
      query: ListReconciliationsQuery,
      response: { description: "`{items, nextCursor}`" },
    }),
    async (c) => c.json(await Reconciliations.list(c.var.ctx, queryParams(c, ListReconciliationsQuery))),
  )
  .get("/:id", describeRoute({ summary: "One reconciliation in full", response: { description: "As answered when it ran." } }), async (c) =>
    c.json(await Reconciliations.get(c.var.ctx, c.req.param("id"))),
  );

/**
 * The file's bytes as sent, never decoded here so a windows-1251 export reaches the reader intact,
 * with the Content-Type whose charset (if any) it is read in: the body's, or the multipart file's.
 */
async function fileBytes(c: Context<AppEnv>): Promise<{ bytes: Uint8Array; contentType: string }> {
  const contentType = c.req.header("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    return { bytes: new Uint8Array(await c.req.arrayBuffer()), contentType };
  }
  const file = (await c.req.formData()).get("file");
  if (file === null || typeof file === "string") {
    const message = "the form has no file field: upload the accounting file as a field named file";
    throw new InvalidInputError(message, [{ path: "file", message }]);
  }
  return { bytes: new Uint8Array(await file.arrayBuffer()), contentType: file.type };
}
