import { z } from "zod";

/**
 * A binary attribute as the document client reads it. `z.instanceof(Uint8Array)` would narrow the
 * type to an ArrayBuffer-backed array, which the bytes a caller hands in need not be.
 */
export const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, "expected bytes");
