/** What the page benchmark and its cold runs (a process per page) share: the app's settings on the bench table. */
export const BENCH_TABLE = "parom_bench_pages";
export const BENCH_TIME_ZONE = "Europe/Moscow";
// A fixed clock (as in the demo test): the same history, and so the same counts, on every run.
export const BENCH_NOW = "2026-06-10T09:00:00Z";
export const BENCH_OWNER_KEY = "bench-owner-key-0123456789abcdefghij";
export const BENCH_COOKIE_SECRET = "bench-cookie-secret-of-enough-length-0123456789";

/** A page for a cold run: which DynamoDB, which path, and the signed-in browser's cookies. */
export type ColdPage = { endpoint: string; path: string; cookie: string };
export type ColdTiming = { importMs: number; createAppMs: number; firstRequestMs: number; status: number };
