// @parom/core/people: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { CreatePersonInput, People } from "./person.js";
