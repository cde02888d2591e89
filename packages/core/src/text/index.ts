// @parom/core/text: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { InvalidEncodingError, UnknownCharsetError, declaredCharset, decodeFile, decodeText, requestBody } from "./charset.js";
