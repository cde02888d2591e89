import type { FC } from "hono/jsx";
import { raw } from "hono/html";
import type { Media, OpenApiDocument, Operation, Parameter } from "./document.js";
import { limits, skeleton, typeLabel, type JsonSchema } from "./schema-text.js";

type Entry = { method: string; path: string; op: Operation };
type FieldRow = { name: string; schema: JsonSchema; required: boolean; description?: string };

/** Each field of a body, nested ones by dotted path (`probe.start`, `rows[].cost`), so no one has to read JSON Schema. */
function fields(schema: JsonSchema, prefix = "", depth = 0): FieldRow[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = prefix + name;
    const nested =
      property.type === "array" && property.items?.properties
        ? { schema: property.items, at: `${path}[].` }
        : property.properties
          ? { schema: property, at: `${path}.` }
          : null;
    const row = { name: path, schema: property, required: required.has(name) };
    return nested && depth < 3 ? [row, ...fields(nested.schema, nested.at, depth + 1)] : [row];
  });
}

const FieldTable: FC<{ rows: FieldRow[]; caption: string }> = ({ rows, caption }) => (
  <table>
    <caption>{caption}</caption>
    <thead>
      <tr>
        <th scope="col">Name</th>
        <th scope="col">Type</th>
        <th scope="col">Required</th>
        <th scope="col">Limits and notes</th>
      </tr>
    </thead>
    <tbody>
      {rows.map((row) => (
        <tr>
          <td>
            <code>{row.name}</code>
          </td>
          <td>
            <code>{typeLabel(row.schema)}</code>
          </td>
          <td>{row.required ? "required" : "optional"}</td>
          <td>{[limits(row.schema), row.description ?? row.schema.description].filter(Boolean).join(". ")}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const Body: FC<{ type: string; media: Media }> = ({ type, media }) => {
  const rows = media.schema ? fields(media.schema) : [];
  return (
    <div class="body">
      <h4>
        Body <code>{type}</code>
      </h4>
      {media.description && <p>{media.description}</p>}
      {rows.length > 0 && <FieldTable rows={rows} caption={`Fields of the ${type} body`} />}
      {media.schema && rows.length === 0 && (
        <p>
          <code>{typeLabel(media.schema)}</code> {limits(media.schema)}
        </p>
      )}
      {media.schema && (
        <details>
          <summary>JSON Schema</summary>
          <pre>{JSON.stringify(media.schema, null, 2)}</pre>
        </details>
      )}
    </div>
  );
};

/** The first body for "Try it": the documented example, else the required JSON fields with placeholders. */
function starterBody(type: string, media: Media): string {
  if (media.example !== undefined) return typeof media.example === "string" ? media.example : JSON.stringify(media.example, null, 2);
  return type === "application/json" && media.schema ? JSON.stringify(skeleton(media.schema), null, 2) : "";
}

const TryIt: FC<{ entry: Entry }> = ({ entry: { method, path, op } }) => {
  const content = Object.entries(op.requestBody?.content ?? {});
  return (
    <form class="try" hidden data-method={method.toUpperCase()} data-path={path} data-secured={String(op.security.length > 0)}>
      <h4>Try it</h4>
      {(op.parameters ?? []).map((p: Parameter) => (
        <label>
          {p.name} <span class="hint">({p.in}{p.required ? ", required" : ""})</span>
          <input name={`${p.in}:${p.name}`} required={p.required} />
        </label>
      ))}
      {content.length > 0 && (
        <>
          <label>
            Content-Type
            <select name="content-type">
              {content.map(([type]) => (
                <option>{type}</option>
              ))}
            </select>
          </label>
          <label>
            Body
            <textarea name="body" rows={6}>
              {starterBody(content[0]![0], content[0]![1])}
            </textarea>
          </label>
        </>
      )}
      <button type="submit">Send {method.toUpperCase()}</button>
      <output aria-live="polite"></output>
    </form>
  );
};

const OperationCard: FC<{ entry: Entry }> = ({ entry }) => {
  const { method, path, op } = entry;
  const parameters = op.parameters ?? [];
  return (
    <article class="op" id={op.operationId}>
      <h3>
        <span class={`method ${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p class="summary">{op.summary}</p>
      {op.description.split("\n\n").map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      {parameters.length > 0 && (
        <FieldTable
          caption="Parameters"
          rows={parameters.map((p) => ({ name: `${p.name} (${p.in})`, schema: p.schema, required: p.required, description: p.description }))}
        />
      )}
      {Object.entries(op.requestBody?.content ?? {}).map(([type, media]) => (
        <Body type={type} media={media} />
      ))}
      <h4>Responses</h4>
      <dl class="responses">
        {Object.entries(op.responses).map(([status, response]) => {
          const example = Object.values(response.content ?? {}).find((media) => media.example !== undefined)?.example;
          return (
            <>
              <dt>{status}</dt>
              <dd>
                {response.description}
                {example !== undefined && <pre>{JSON.stringify(example, null, 2)}</pre>}
              </dd>
            </>
          );
        })}
      </dl>
      <TryIt entry={entry} />
    </article>
  );
};

/** The interactive reference: every operation of the document, grouped by tag, each with a "Try it" form that a small script enables. */
export const ReferencePage: FC<{ doc: OpenApiDocument }> = ({ doc }) => {
  const entries: Entry[] = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path, op })));
  // Grouped by first tag, so each operation (and its anchor) appears once.
  const byTag = doc.tags
    .map(({ name }) => ({ name, entries: entries.filter((entry) => entry.op.tags[0] === name) }))
    .filter((tag) => tag.entries.length > 0);
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${doc.info.title} reference`}</title>
          <link rel="stylesheet" href="/docs/reference.css" />
          <script src="/docs/try-it.js" defer></script>
        </head>
        <body>
          <header>
            <h1>{doc.info.title}</h1>
            <p>{doc.info.description}</p>
            <p>
              The same as an <a href="/openapi.json">OpenAPI {doc.openapi} document</a> · <a href="/">Back to the app</a>
            </p>
            <div id="key-box" hidden>
              <label for="api-key">API key for “Try it”</label>
              <input id="api-key" type="password" autocomplete="off" />
              <span class="hint">Kept in this browser tab only, sent as Authorization: Bearer.</span>
            </div>
            <noscript>
              <p>“Try it” needs JavaScript; everything else on this page works without it.</p>
            </noscript>
          </header>
          <div class="layout">
            <nav aria-label="Operations">
              {byTag.map((tag) => (
                <>
                  <h2>
                    <a href={`#tag-${tag.name}`}>{tag.name}</a>
                  </h2>
                  <ul>
                    {tag.entries.map(({ method, path, op }) => (
                      <li>
                        <a href={`#${op.operationId}`}>
                          <span class={`method ${method}`}>{method.toUpperCase()}</span> {path}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ))}
            </nav>
            <main>
              {byTag.map((tag) => (
                <section aria-labelledby={`tag-${tag.name}`}>
                  <h2 id={`tag-${tag.name}`}>{tag.name}</h2>
                  {tag.entries.map((entry) => (
                    <OperationCard entry={entry} />
                  ))}
                </section>
              ))}
            </main>
          </div>
        </body>
      </html>
    </>
  );
};
