import type { RawDelivery } from "@parom/core/intake";
import type { View } from "../view.js";

type QuarantineError = NonNullable<RawDelivery["error"]>;

/**
 * Why the parser refused a call, in the reader's words. The archive keeps the parser's English
 * message (the API and a replay read it); this page recognizes each refusal the intake parsers make
 * by its code and the start of its message, and names the sender's fields as sent (in `<code>`,
 * marked not to translate: they are what the sender must fix).
 */
export function QuarantineReason({ v, error }: { v: View; error: QuarantineError }) {
  const t = v.t.quarantine.reasons;
  const fields = issuePaths(error).filter((path) => !path.startsWith("("));
  const kind = reasonKind(error);
  if (kind === "tooManyLeads") return <>{v.t.quarantine.tooManyLeads(Number(detail(error, "count")), Number(detail(error, "limit")))}</>;
  if (kind === "noLead") {
    // "tranid, Name, Phone, Email" (Tilda) or "leads[add], leads[status] or contacts[add|update] events" (amoCRM).
    const expected = error.message.slice(noLeadPrefix.length).replace(/ events$/, "").split(/, | or /).map((field) => field.trim());
    return <>{t.noLead} <Codes names={expected} /></>;
  }
  if (kind === "mediaType" || kind === "charset") return <>{t[kind]} <Codes names={[detailOfMessage(error.message)]} /></>;
  if (fields.length > 0 && (kind === "amoIncomplete" || kind === "tooLong" || kind === "leadInvalid" || kind === "other")) return <>{t[kind]} <Codes names={fields} /></>;
  return <>{t[kind]}</>;
}

type ReasonKind = keyof View["t"]["quarantine"]["reasons"] | "tooManyLeads";

const noLeadPrefix = "the body holds no lead: expected at least one of ";

/** The parsers' refusals by the start of their message (packages/core/src/intake, text/charset.ts). */
const byMessage: Array<[string, ReasonKind]> = [
  [noLeadPrefix, "noLead"],
  ["the body is not valid JSON", "notJson"],
  ["the JSON body must be an object", "notObject"],
  ["amoCRM events are incomplete", "amoIncomplete"],
  ["too long to store", "tooLong"],
  ["the lead is invalid", "leadInvalid"],
  ["the Idempotency-Key header is too long", "idempotencyKey"],
  ['charset "', "charset"],
];

function reasonKind(error: QuarantineError): ReasonKind {
  if (error.error === "too_many_leads") return "tooManyLeads";
  if (error.error === "parser_failed") return "parserFailed";
  const message = error.message.replace(/^still refused: /, "");
  const known = byMessage.find(([start]) => message.startsWith(start));
  if (known) return known[1];
  if (/ is not supported: send application\/json/.test(message)) return "mediaType";
  if (/ is not valid [^ ]+/.test(message) && message.startsWith("the body")) return "encoding";
  return "other";
}

/** The media type or charset label a refusal names: its first word, or the quoted label. */
function detailOfMessage(message: string): string {
  const quoted = /"([^"]*)"/.exec(message);
  return quoted ? quoted[1]! : message.split(" ")[0]!;
}

function issuePaths(error: QuarantineError): string[] {
  const issues = Array.isArray(error.issues) ? (error.issues as Array<{ path?: unknown }>) : [];
  return [...new Set(issues.map((issue) => String(issue.path ?? "")).filter(Boolean))];
}

const detail = (error: QuarantineError, name: string) => (error as Record<string, unknown>)[name];

/** The sender's own field names, as they must be sent. */
const Codes = ({ names }: { names: string[] }) => (
  <>
    {names.map((name, i) => (
      <>
        {i > 0 && ", "}
        <code translate="no">{name}</code>
      </>
    ))}
  </>
);
