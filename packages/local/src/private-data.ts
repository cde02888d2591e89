import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Owner-only modes: the data folder holds every lead, the owner key and the cookie secret. */
export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/**
 * Makes `dir` (created if missing) and everything in it readable by its owner only: folders 0700,
 * files 0600. Earlier versions wrote the DynamoDB Local database world-readable, so existing data is
 * tightened on every start. Symbolic links are left alone (chmod would change their target).
 * @example keepPrivate(".data")
 */
export function keepPrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  tighten(dir);
}

function tighten(path: string): void {
  const stat = lstatSync(path);
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== PRIVATE_DIR) chmodSync(path, PRIVATE_DIR);
    for (const name of readdirSync(path)) tighten(join(path, name));
  } else if (stat.isFile() && (stat.mode & 0o777) !== PRIVATE_FILE) {
    chmodSync(path, PRIVATE_FILE);
  }
}
