// @parom/core/access: the names other packages use; add a name here only when another package needs it.
// Code inside the package imports its modules directly, never through this file.
export { actingKey, actorOf } from "./actor.js";
export { ApiKeys, CreateKeyInput, OWNER_KEY_ID } from "./api-keys.js";
export { can, markGuard, permissionOf, rolesWith } from "./permissions.js";
export type { Permission } from "./permissions.js";
export { roles } from "./principal.js";
export type { Principal, Role } from "./principal.js";
export { SESSION_MAX_SECONDS, Sessions } from "./sessions.js";
export { SignInThrottle } from "./sign-in-throttle.js";
export { assertLeadVisible } from "./lead-scope.js";
export { assertVisible, contractorScope } from "./visibility.js";
