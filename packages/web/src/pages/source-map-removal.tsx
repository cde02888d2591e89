import { Hono, type Context } from "hono";
import { NotFoundError } from "@parom/core";
import { defaultStatusMap, SourceMaps, Sources } from "@parom/core/source";
import { Csrf } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { viewOf } from "../view.js";

/** The confirmation before removing one entry of a source's map: a page of its own, so it works without scripts. */
async function confirmPage(c: Context<WebEnv>, title: string, sentences: string[], anchor: string) {
  const v = await viewOf(c);
  const id = c.req.param("id")!;
  return c.html(
    <Page v={v} title={title}>
      <form method="post" action={c.req.path} class="card narrow">
        <Csrf v={v} />
        {sentences.map((sentence) => (
          <p>{sentence}</p>
        ))}
        <div class="row">
          <button type="submit" class="danger">
            {v.t.sourceMaps.removeSubmit}
          </button>
          <a class="button secondary" href={`/sources/${id}#${anchor}`}>
            {v.t.sourceMaps.cancel}
          </a>
        </div>
      </form>
    </Page>,
  );
}

/**
 * Removing one status entry or one loss reason's name of a source, after a confirmation in words
 * (sources.manage, as the rest of /sources/{id}). Each removes its entry inside the map, so what
 * others save meanwhile stands; an entry already gone shows the not-found page on confirming and
 * is no error on removing.
 */
export const sourceMapRemovalRoutes = new Hono<WebEnv>()
  .get("/sources/:id/status-map/:statusId/remove", ...needs("sources.manage"), async (c) => {
    const { sourceMaps: t, leadStage } = (await viewOf(c)).t;
    const source = await Sources.get(c.var.ctx, c.req.param("id"));
    const statusId = c.req.param("statusId");
    const stage = Object.hasOwn(source.statusMap, statusId) ? source.statusMap[statusId] : undefined;
    if (!stage || defaultStatusMap[statusId] === stage) throw new NotFoundError("status map entry", statusId);
    const fallback = Object.hasOwn(defaultStatusMap, statusId) ? defaultStatusMap[statusId] : undefined;
    const sentences = [t.statuses.confirmText(statusId, leadStage[stage], source.name), ...(fallback ? [t.statuses.confirmDefault(leadStage[fallback])] : [])];
    return confirmPage(c, t.statuses.confirmTitle, sentences, "statuses");
  })
  .post("/sources/:id/status-map/:statusId/remove", ...needs("sources.manage"), ...formPost, async (c) => {
    await SourceMaps.unmapStatus(c.var.ctx, c.req.param("id"), c.req.param("statusId"));
    return c.redirect(`/sources/${c.req.param("id")}?notice=entryRemoved#statuses`, 303);
  })
  .get("/sources/:id/loss-reasons/:reasonId/remove", ...needs("sources.manage"), async (c) => {
    const t = (await viewOf(c)).t.sourceMaps;
    const source = await Sources.get(c.var.ctx, c.req.param("id"));
    const reasonId = c.req.param("reasonId");
    const name = Object.hasOwn(source.lossReasons, reasonId) ? source.lossReasons[reasonId] : undefined;
    if (name === undefined) throw new NotFoundError("loss reason", reasonId);
    return confirmPage(c, t.reasons.confirmTitle, [t.reasons.confirmText(reasonId, name, source.name)], "reasons");
  })
  .post("/sources/:id/loss-reasons/:reasonId/remove", ...needs("sources.manage"), ...formPost, async (c) => {
    await SourceMaps.unnameLossReason(c.var.ctx, c.req.param("id"), c.req.param("reasonId"));
    return c.redirect(`/sources/${c.req.param("id")}?notice=entryRemoved#reasons`, 303);
  });
