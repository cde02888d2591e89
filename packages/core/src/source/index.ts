// @parom/core/source: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { CreateSourceInput, defaultStatusMap, LossReasonsInput, PipelinesInput, Sources, StatusMapInput, UpdateSourceInput, sourceFormats } from "./source.js";
export type { Source, SourceFormat } from "./source.js";
export { UnmappedLossReasons } from "./unmapped-loss-reasons.js";
export { LossReasonEntryInput, SourceMaps, StatusEntryInput } from "./map-entries.js";
