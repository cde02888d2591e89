/** The reference page's stylesheet and its one script, served from the app so /docs works offline and under a strict CSP. */

export const referenceCss = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --paper: #fff; --tint: #f6f8fa; --accent: #0a58ca; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--tint); }
a { color: var(--accent); } :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
header { background: var(--paper); border-bottom: 1px solid var(--line); padding: 1rem 1.5rem; }
header p { max-width: 60rem; } h1 { margin: 0 0 .5rem; font-size: 1.6rem; }
#key-box { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; } #key-box[hidden] { display: none; }
.layout { display: grid; grid-template-columns: minmax(14rem, 22rem) 1fr; gap: 1.5rem; padding: 1.5rem; }
@media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
nav { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; font-size: .875rem; }
nav h2 { font-size: 1rem; margin: 1rem 0 .25rem; } nav ul { list-style: none; margin: 0; padding: 0; } nav li a { text-decoration: none; word-break: break-all; }
main h2 { font-size: 1.3rem; margin: 1.5rem 0 .5rem; text-transform: capitalize; }
.op { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin: 0 0 1rem; }
.op h3 { margin: 0; font-size: 1.05rem; word-break: break-all; } .op h4 { margin: 1rem 0 .25rem; font-size: 1rem; }
.summary { font-weight: 600; }
.method { display: inline-block; min-width: 4.2rem; text-align: center; border-radius: 4px; padding: 0 .35rem; font: 700 .8rem/1.6 ui-monospace, monospace; color: #fff; background: #57606a; }
.method.get { background: #116329; } .method.post { background: #0a58ca; } .method.put, .method.patch { background: #7d4e00; } .method.delete { background: #a40e26; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; } th { background: var(--tint); }
pre, code { font: .85rem/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { white-space: pre-wrap; word-break: break-word; background: var(--tint); padding: .5rem; margin: .25rem 0; max-height: 24rem; overflow: auto; }
.responses { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; margin: 0; } .responses dt { font-weight: 700; } .responses dd { margin: 0; }
.hint { color: var(--muted); font-size: .875rem; }
.try { border-top: 1px dashed var(--line); margin-top: 1rem; display: flex; flex-direction: column; gap: .5rem; }
.try[hidden] { display: none; } .try label { display: flex; flex-direction: column; font-weight: 600; gap: .2rem; }
input, select, textarea, button { font: inherit; padding: .35rem .5rem; border: 1px solid #8c959f; border-radius: 4px; }
textarea { font-family: ui-monospace, monospace; font-size: .85rem; }
button { align-self: start; cursor: pointer; background: var(--accent); border-color: var(--accent); color: #fff; padding: .4rem 1rem; }
output { white-space: pre-wrap; font: .85rem/1.4 ui-monospace, monospace; }
output:not(:empty) { display: block; background: var(--tint); padding: .5rem; border-radius: 4px; max-height: 24rem; overflow: auto; }
`;

/** Reveals the key box and the "Try it" forms, and sends each form as a fetch with the key as a bearer token. */
export const tryItScript = `
const keyBox = document.getElementById("key-box");
const keyInput = document.getElementById("api-key");
keyBox.hidden = false;
keyInput.value = sessionStorage.getItem("parom-api-key") ?? "";
keyInput.addEventListener("change", () => sessionStorage.setItem("parom-api-key", keyInput.value));

for (const form of document.querySelectorAll("form.try")) {
  form.hidden = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    let path = form.dataset.path;
    const query = new URLSearchParams();
    for (const [name, value] of data) {
      if (name.startsWith("path:")) path = path.replace("{" + name.slice(5) + "}", encodeURIComponent(value));
      else if (name.startsWith("query:") && value !== "") query.append(name.slice(6), value);
    }
    const headers = {};
    if (form.dataset.secured === "true" && keyInput.value) headers.authorization = "Bearer " + keyInput.value;
    const init = { method: form.dataset.method, headers };
    if (data.has("body")) {
      headers["content-type"] = data.get("content-type");
      init.body = data.get("body");
    }
    const output = form.querySelector("output");
    output.textContent = "Sending…";
    try {
      const search = query.toString();
      const response = await fetch(search ? path + "?" + search : path, init);
      const text = await response.text();
      let shown = text;
      try {
        shown = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // not JSON: show the text as it came
      }
      output.textContent = response.status + " " + response.statusText + "\\n\\n" + shown;
    } catch (error) {
      output.textContent = "The request failed: " + error;
    }
  });
}
`;
