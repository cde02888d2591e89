import { Hono, type Context } from "hono";
import { bodyText, RawArchive, type RawDelivery, replayDelivery } from "@parom/core/intake";
import { Sources } from "@parom/core/source";
import { Csrf, Problems, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, formStatus, optionalText } from "../forms.js";
import { formPost, needs } from "../guards.js";
import { Page } from "../layout.js";
import { noticeOf } from "../notice.js";
import { QuarantineReason } from "./quarantine-reason.js";
import { viewOf, type View } from "../view.js";

const PAGE_SIZE = 50;
/** Bodies are shown up to this many characters; the archive keeps them whole. */
const BODY_PREVIEW = 4000;

/** One archived call: its source, time and id, the parser's error if any, the body, and its replay button. */
function DeliveryCard({ v, raw, sourceName }: { v: View; raw: RawDelivery; sourceName: string }) {
  const t = v.t.quarantine;
  const body = bodyText(raw);
  return (
    <article class="card" aria-labelledby={`q-${raw.id}`}>
      <h2 id={`q-${raw.id}`} class="small">
        {sourceName} · <time datetime={raw.receivedAt}>{v.fmt.dateTime(raw.receivedAt)}</time>
      </h2>
      <p class="muted">
        {t.deliveryId}: <code translate="no">{raw.id}</code>
      </p>
      {raw.error && (
        <p class="error">
          ⚠ <QuarantineReason v={v} error={raw.error} />
        </p>
      )}
      <details>
        <summary>
          {t.body} (<code translate="no">{raw.contentType ?? "?"}</code>)
        </summary>
        <pre translate="no">{body.length > BODY_PREVIEW ? `${body.slice(0, BODY_PREVIEW)}…` : body}</pre>
      </details>
      <form method="post" action={`/quarantine/${raw.id}/replay`}>
        <Csrf v={v} />
        <button type="submit">↻ {t.replay}</button>
      </form>
    </article>
  );
}

async function quarantinePage(c: Context<WebEnv>, refused?: { state: FormState }, status: 200 | 400 | 409 | 422 = 200) {
  const v = await viewOf(c);
  const { ctx } = c.var;
  const [page, stuck, sources] = await Promise.all([
    RawArchive.listQuarantine(ctx, { cursor: optionalText(c.req.query("cursor")), limit: PAGE_SIZE }),
    RawArchive.listStuck(ctx, { limit: PAGE_SIZE }),
    Sources.list(ctx),
  ]);
  const sourceName = new Map(sources.map((source) => [source.id, source.name]));
  const t = v.t.quarantine;
  return c.html(
    <Page v={v} title={t.title} notice={noticeOf(c, v.t)}>
      <p>{t.intro}</p>
      {refused && <Problems v={v} state={refused.state} />}
      {page.items.length === 0 && <p class="muted">{t.empty}</p>}
      {page.items.map((raw) => (
        <DeliveryCard v={v} raw={raw} sourceName={sourceName.get(raw.sourceId) ?? raw.sourceId} />
      ))}
      {page.nextCursor && (
        <p>
          <a href={`/quarantine?cursor=${encodeURIComponent(page.nextCursor)}`} rel="next">
            {t.more} →
          </a>
        </p>
      )}
      <section aria-labelledby="stuck">
        <h2 id="stuck">{t.stuckTitle}</h2>
        <p>{t.stuckIntro}</p>
        {stuck.items.length === 0 && <p class="muted">{t.stuckEmpty}</p>}
        {stuck.items.map((raw) => (
          <DeliveryCard v={v} raw={raw} sourceName={sourceName.get(raw.sourceId) ?? raw.sourceId} />
        ))}
      </section>
    </Page>,
    status,
  );
}

/** Refused and stuck webhook calls and their replay: owners and marketers, as /api/quarantine. */
export const quarantineRoutes = new Hono<WebEnv>()
  .get("/quarantine", ...needs("quarantine.manage"), (c) => quarantinePage(c))
  .post("/quarantine/:id/replay", ...needs("quarantine.manage"), ...formPost, async (c) => {
    const result = await attempt(() => replayDelivery(c.var.ctx, c.req.param("id")));
    if (!result.ok) {
      // A 409 is a call processed meanwhile, or too fresh to call stuck: said in the reader's language.
      const problem = result.kind === "conflict" ? { message: (await viewOf(c)).t.quarantine.notReplayable, issues: [] } : result.problem;
      return quarantinePage(c, { state: { values: {}, problem } }, formStatus(result.kind));
    }
    return c.redirect("/quarantine?notice=replayed", 303);
  });
