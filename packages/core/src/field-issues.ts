import type { z } from "zod";
import type { FieldIssue } from "./errors.js";

/**
 * zod issues as `{path, message}` pairs, for every boundary (API bodies, web forms, import rows);
 * an unknown field is named by its own path, an issue about the whole value by `whole`. A value
 * matching no alternative of a union is judged by the alternative it came closest to (fewest issues),
 * so `{stage: "flying"}` is told about `stage`, not that it is no assignment either.
 */
export function fieldIssues(error: z.ZodError, whole = "(body)"): FieldIssue[] {
  return issuesOf(error.issues, [], whole);
}

function issuesOf(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[], whole: string): FieldIssue[] {
  return issues.flatMap((issue) => {
    const base = [...prefix, ...issue.path].map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...base, key].join("."), message: "unknown field" }));
    }
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      return issuesOf(closest, [...prefix, ...issue.path], whole);
    }
    return [{ path: base.join(".") || whole, message: issue.message }];
  });
}
