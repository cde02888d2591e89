import { Hono } from "hono";
import type { WebEnv } from "./env.js";

/** The one stylesheet: system fonts, AA contrast, visible focus, states told by words and signs as well as colour. */
const css = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --paper: #fff; --tint: #f6f8fa; --accent: #0a58ca;
  --good: #116329; --good-bg: #dafbe1; --warn: #7d4e00; --warn-bg: #fff8c5; --bad: #a40e26; --bad-bg: #ffebe9; }
* { box-sizing: border-box; }
h1, h2, h3, .card, td { overflow-wrap: anywhere; }
/* A card is narrow: small labels, and figures that break only between words ("RUB 40,000" stays whole). */
.card .facts { grid-template-columns: max-content minmax(0, 1fr); column-gap: .5rem; align-items: baseline; } .card dt { font-size: .85rem; } .card dt, .card dd { overflow-wrap: normal; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--tint); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem 2rem; padding: .75rem 1.5rem; background: var(--paper); border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--ink); }
.top nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
.top nav a { text-decoration: none; padding: .25rem 0; }
.top nav a[aria-current="page"] { font-weight: 700; border-bottom: 3px solid var(--accent); }
.account { margin-left: auto; display: flex; gap: 1rem; align-items: center; }
.langs { display: flex; gap: .5rem; }
main { max-width: 90rem; margin: 0 auto; padding: 1.5rem; }
.heading { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 1rem; }
h1 { margin: 0 0 1rem; font-size: 1.6rem; } h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; } h2.small, h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
.lead { font-size: 1.1rem; color: var(--muted); }
.muted, .hint { color: var(--muted); } .hint { display: block; font-size: .875rem; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 0 0 1rem; }
.narrow { max-width: 32rem; }
.board { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1rem; align-items: start; }
.column { background: #eef1f4; border-radius: 8px; padding: .75rem; } .column h2 { margin-top: 0; }
.cards { list-style: none; margin: 0; padding: 0; }
.facts { display: grid; grid-template-columns: auto 1fr; gap: .25rem .75rem; margin: 0; }
.facts.wide { grid-template-columns: minmax(10rem, max-content) 1fr; margin-bottom: 1rem; }
.facts dt { color: var(--muted); } .facts dd { margin: 0; }
meter { display: block; width: 100%; height: .6rem; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .875rem; border: 1px solid currentColor; }
.badge.good { color: var(--good); background: var(--good-bg); } .badge.pending { color: var(--warn); background: var(--warn-bg); }
.badge.neutral { color: var(--muted); background: var(--tint); } .badge.bad { color: var(--bad); background: var(--bad-bg); }
.notice { color: var(--good); background: var(--good-bg); border: 1px solid var(--good); padding: .5rem 1rem; border-radius: 6px; }
.caution { color: var(--warn); background: var(--warn-bg); border: 1px solid var(--warn); padding: .5rem 1rem; border-radius: 6px; }
.problems { color: var(--bad); background: var(--bad-bg); border: 1px solid var(--bad); padding: .5rem 1rem; border-radius: 6px; }
.problems ul { margin: .25rem 0; } .error { color: var(--bad); display: block; }
.warn { color: var(--warn); display: block; } .legend ul { list-style: none; padding: 0; margin: .25rem 0; } .legend li { margin: .25rem 0; }
.field { display: flex; flex-direction: column; gap: .2rem; margin-bottom: .75rem; flex: 1 1 12rem; }
.field.check { flex-direction: row; align-items: center; gap: .5rem; }
.field.invalid input, .field.invalid textarea, .field.invalid select { border-color: var(--bad); border-width: 2px; }
.row { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: end; }
label { font-weight: 600; }
input, select, textarea { font: inherit; padding: .4rem .5rem; border: 1px solid #8c959f; border-radius: 4px; background: var(--paper); color: var(--ink); max-width: 100%; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; }
button, .button { font: inherit; cursor: pointer; padding: .45rem 1rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; text-decoration: none; display: inline-block; margin-bottom: .75rem; }
button.secondary { background: var(--paper); color: var(--accent); } button.danger { background: var(--bad); border-color: var(--bad); }
button.link { background: none; border: 0; color: var(--accent); text-decoration: underline; padding: 0; margin: 0; }
button:disabled { opacity: .6; cursor: not-allowed; }
form.inline { display: inline; } .moves { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; }
.close-form { display: flex; gap: .5rem; align-items: end; flex-wrap: wrap; }
.filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: end; }
table { border-collapse: collapse; width: 100%; background: var(--paper); margin-bottom: 1rem; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--tint); } .num { text-align: right; font-variant-numeric: tabular-nums; }
pre, code { font: .875rem/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; } pre { white-space: pre-wrap; word-break: break-all; background: var(--tint); padding: .5rem; margin: 0; }
.copyable { display: flex; gap: .5rem; align-items: start; flex-wrap: wrap; } .copyable code { word-break: break-all; padding: .3rem 0; }
.pre { white-space: pre-wrap; } .statement { font-size: 1.1rem; max-width: 60rem; }
.history, .checklist { padding-left: 1.25rem; } .checklist { list-style: none; padding-left: 0; } ul.plain { list-style: none; padding: 0; }
details { margin: .5rem 0 1rem; } summary { cursor: pointer; color: var(--accent); }
svg.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0 1rem; background: var(--paper); }
`;

/** Reveals the copy buttons (hidden without scripts) and copies the text of the element each one names. */
const copyScript = `
for (const button of document.querySelectorAll("button[data-copy]")) {
  button.hidden = false;
  button.addEventListener("click", async () => {
    const label = button.textContent;
    await navigator.clipboard.writeText(document.getElementById(button.dataset.copy).textContent);
    button.textContent = button.dataset.copied;
    setTimeout(() => (button.textContent = label), 1500);
  });
}
`;

/** The site's icon: a white "П" (Parom) on the accent blue, drawn so it reads at 16 px. */
const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0a58ca"/><path d="M8 25V7h16v18h-4.5V11.5h-7V25z" fill="#fff"/></svg>`;

const cached = { "cache-control": "public, max-age=3600" };
// The icon never changes with a release, so browsers may keep it for a month.
const iconCached = { "cache-control": "public, max-age=2592000" };

export const assetRoutes = new Hono<WebEnv>()
  .get("/assets/style.css", (c) => c.body(css, 200, { ...cached, "content-type": "text/css; charset=utf-8" }))
  .get("/assets/copy.js", (c) => c.body(copyScript, 200, { ...cached, "content-type": "text/javascript; charset=utf-8" }))
  .get("/favicon.svg", (c) => c.body(icon, 200, { ...iconCached, "content-type": "image/svg+xml" }))
  // Browsers ask for /favicon.ico on pages that declare no icon (the API docs, JSON answers).
  .get("/favicon.ico", (c) => {
    c.header("cache-control", iconCached["cache-control"]);
    return c.redirect("/favicon.svg", 301);
  });
