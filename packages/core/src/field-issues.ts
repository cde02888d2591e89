import type { z } from "zod";
import type { FieldIssue } from "./errors.js";

/**
 * zod issues as `{path, message}` pairs, for every boundary (API bodies, web forms, import rows);
 * an unknown field is named by its own path, an issue about the whole value by `whole`.
 */
export function fieldIssues(error: z.ZodError, whole = "(body)"): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...base, key].join("."), message: "unknown field" }));
    }
    return [{ path: base.join(".") || whole, message: issue.message }];
  });
}
