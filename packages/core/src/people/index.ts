// @parom/core/people: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { CreatePersonInput, managerDuties, People, personRoles } from "./person.js";
export type { Person } from "./person.js";
