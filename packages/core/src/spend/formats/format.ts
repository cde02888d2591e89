import type { ParsedRow } from "../spend-row.js";

/** The body of a spend import as it arrived. */
export type SpendBody = { contentType: string; text: string };

/** How the caller asked a body to be read (query parameters of POST /api/spend). */
export type SpendParseOptions = {
  /** Money columns hold micro-units (true) or decimals (false); unset lets the format decide. */
  moneyInMicros?: boolean;
};

/**
 * One way spend arrives (our generic CSV and JSON, ad platforms' exports). A format turns the
 * whole body into numbered rows; matching rows to campaigns and storing them is the same for all.
 */
export type SpendFormat = {
  /** The name a caller may give as `?format=`. */
  name: string;
  /** True when this format recognises a body whose format was not named. */
  detect(body: SpendBody): boolean;
  /** Every row of the body, each parsed or with its errors. Throws InvalidInputError when the body as a whole is unreadable. */
  parse(text: string, options?: SpendParseOptions): ParsedRow[];
};
