/**
 * A request path fit for a log line: a webhook's key is its credential, so `/hooks/<key>` keeps
 * only the key's first 4 characters (enough to tell sources apart when reading logs).
 * @example loggablePath("/hooks/src_abcdef123") // "/hooks/src_…"
 */
export function loggablePath(path: string): string {
  if (!path.startsWith("/hooks/")) return path;
  const key = path.slice("/hooks/".length).split("/")[0]!;
  return `/hooks/${key.slice(0, 4)}…${path.slice("/hooks/".length + key.length)}`;
}
