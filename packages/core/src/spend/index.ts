// @parom/core/spend: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { SpendImportQuery, chooseSpendFormat, spendFormats } from "./formats/index.js";
export { Spend, SpendQuery } from "./spend.js";
export type { SpendImportResult } from "./spend.js";
