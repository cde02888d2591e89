import { Hono, type Context } from "hono";
import { OWNER_KEY_ID, type Principal } from "@parom/core/access";
import { ContactViews, leadStages, ListContactViewsQuery, type ContactView } from "@parom/core/lead";
import { ExportLog, ExportQuery, exportFormats, exportLeads, ListExportsQuery } from "@parom/core/lead-export";
import { emptyForm, Problems, type FormState } from "../components/form.js";
import type { WebEnv } from "../env.js";
import { attempt, optionalText, parseForm } from "../forms.js";
import { needs } from "../guards.js";
import { Page } from "../layout.js";
import { viewOf, type View } from "../view.js";
import { errorPage } from "./errors.js";

/*
 * The owner's side of access: the export buttons (on the leads page) and their download route, and
 * the access log page listing views of whole contacts and exports. The export route comes before
 * /leads/:id, whose id it would otherwise be.
 */

/** The owner's export buttons for the leads page's current filters. */
export function ExportButtons({ v, filters }: { v: View; filters: Record<string, string | undefined> }) {
  const t = v.t.access.export;
  const query = (format: string) => new URLSearchParams({ format, ...Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]))) });
  return (
    <section aria-label={t.title} class="export">
      <p>
        {exportFormats.map((format) => (
          <>
            <a class="button" href={`/leads/export?${query(format)}`} download>
              ⤓ {t[format]}
            </a>{" "}
          </>
        ))}
      </p>
      <p class="muted">{t.hint}</p>
    </section>
  );
}

/** The same file as GET /api/leads/export, logged the same way; a hand-edited address is refused naming its fields. */
async function exportFile(c: Context<WebEnv>) {
  const query = ExportQuery.safeParse(c.req.query());
  if (!query.success) {
    const fields = [...new Set(query.error.issues.map((issue) => String(issue.path[0] ?? "?")))];
    return errorPage(c, 400, (await viewOf(c)).t.access.export.badFilter(fields.join(", ")));
  }
  const file = await exportLeads(c.var.ctx, c.var.principal, query.data);
  return c.body(file.body, 200, { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"` });
}

function who(v: View, entry: { keyId: string; name: string | null; role?: string }): string {
  const t = v.t.access.log;
  // The owner key from the environment has no name of its own: its stored "owner" is a code, so it reads as the role.
  if (entry.keyId === OWNER_KEY_ID) return t.role.owner;
  const role = entry.role && entry.role in t.role ? ` (${t.role[entry.role as Principal["role"]]})` : "";
  return `${entry.name ?? t.unnamedKey(entry.keyId.slice(-6))}${role}`;
}

/** An export's filters in the page's words (a stage by its name, days as dates); ids stay as given. */
function filtersText(v: View, filters: Record<string, string>): string {
  const t = v.t.access.log;
  const shown = (name: string, value: string) => {
    const stage = leadStages.find((s) => s === value);
    if (name === "stage" && stage) return v.t.leadStage[stage];
    return name === "from" || name === "to" ? v.fmt.day(value) : value;
  };
  return Object.entries(filters)
    .map(([name, value]) => `${name in t.filterNames ? t.filterNames[name as keyof typeof t.filterNames] : name}: ${shown(name, value)}`)
    .join(", ");
}

function ViewsTable({ v, items }: { v: View; items: ContactView[] }) {
  const t = v.t.access.log;
  if (items.length === 0) return <p class="muted">{t.noViews}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t.at}</th>
          <th scope="col">{t.who}</th>
          <th scope="col">{t.lead}</th>
          <th scope="col">{t.where}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((view) => (
          <tr>
            <td>{v.fmt.dateTime(view.at)}</td>
            <td>{who(v, view)}</td>
            <td>
              <a href={`/leads/${view.leadId}`} translate="no">{view.leadId}</a>
            </td>
            <td>{t.places[view.where]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function accessLogPage(c: Context<WebEnv>) {
  const v = await viewOf(c);
  const q = c.req.query();
  const filters = { from: optionalText(q.from), to: optionalText(q.to) };
  const [views, exports] = await Promise.all([
    attempt(() => ContactViews.list(c.var.ctx, parseForm(ListContactViewsQuery, { ...filters, cursor: optionalText(q.cursor) }))),
    ExportLog.list(c.var.ctx, parseForm(ListExportsQuery, { cursor: optionalText(q.exportsCursor) })),
  ]);
  const state: FormState = { values: { from: filters.from ?? "", to: filters.to ?? "" }, problem: views.ok ? undefined : views.problem };
  const t = v.t.access.log;
  const more = views.ok && views.value.nextCursor ? `/access-log?${new URLSearchParams({ ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}), cursor: views.value.nextCursor })}` : null;
  return c.html(
    <Page v={v} title={t.title}>
      <p>{t.intro}</p>
      <h2>{t.views}</h2>
      <form method="get" action="/access-log" class="filters">
        <div class="field">
          <label for="f-from">{t.from}</label>
          <input id="f-from" type="date" name="from" value={filters.from ?? ""} />
        </div>
        <div class="field">
          <label for="f-to">{t.to}</label>
          <input id="f-to" type="date" name="to" value={filters.to ?? ""} />
        </div>
        <button type="submit">{t.apply}</button>
      </form>
      <Problems v={v} state={state.problem ? state : emptyForm} />
      {views.ok && <ViewsTable v={v} items={views.value.items} />}
      {more && (
        <p>
          <a href={more} rel="next">
            {t.more} →
          </a>
        </p>
      )}
      <h2>{t.exports}</h2>
      {exports.items.length === 0 ? (
        <p class="muted">{t.noExports}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.at}</th>
              <th scope="col">{t.who}</th>
              <th scope="col">{t.format}</th>
              <th scope="col">{t.filters}</th>
              <th scope="col" class="num">{t.rows}</th>
            </tr>
          </thead>
          <tbody>
            {exports.items.map((entry) => (
              <tr>
                <td>{v.fmt.dateTime(entry.at)}</td>
                <td>{who(v, entry)}</td>
                <td>{entry.format.toUpperCase()}</td>
                <td>{Object.keys(entry.filters).length === 0 ? t.allLeads : filtersText(v, entry.filters)}</td>
                <td class="num">{entry.rows}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {exports.nextCursor && (
        <p>
          <a href={`/access-log?${new URLSearchParams({ exportsCursor: exports.nextCursor })}`} rel="next">
            {t.more} →
          </a>
        </p>
      )}
    </Page>,
    state.problem ? 400 : 200,
  );
}

export const accessRoutes = new Hono<WebEnv>()
  .get("/leads/export", ...needs("leads.export"), exportFile)
  .get("/access-log", ...needs("contacts.log.read"), accessLogPage);
