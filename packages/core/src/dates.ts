import { z } from "zod";
import { isIsoDay, isSaneInstant, SANE_DAY_RULE, SANE_TIME_RULE } from "./time.js";

/*
 * The date fields of every input, declared once: a calendar day or an instant in the years
 * 2000-2100 (time.ts SANE_YEARS). A field that needs other years declares its own schema.
 */

/** A day such as a probe's start or a report period's end. */
export const isoDaySchema = z.string().refine(isIsoDay, SANE_DAY_RULE);

/**
 * An ISO time with its offset, such as a past lead's `createdAt`. A missing one keeps zod's own
 * "expected string, received undefined", so it reads as a required field rather than a bad format.
 * @example const PastLead = z.object({ createdAt: isoInstantSchema() });
 */
export const isoInstantSchema = (message = "must be an ISO time with its offset, like 2026-01-15T10:30:00+03:00") =>
  z.iso.datetime({ offset: true, error: (issue) => (issue.input === undefined ? undefined : message) }).refine(isSaneInstant, SANE_TIME_RULE);
