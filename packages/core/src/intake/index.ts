// @parom/core/intake: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { IMPORT_SOURCE_ID, ImportRequest, importLeads } from "./import.js";
export { JsonLead } from "./json-lead.js";
export { RawArchive, STUCK_AFTER_MS, bodyText } from "./raw-archive.js";
export type { RawDelivery } from "./raw-archive.js";
export { receiveDelivery } from "./receive.js";
export type { IntakeAnswer } from "./receive.js";
export { replayDelivery, replayStuck } from "./replay.js";
