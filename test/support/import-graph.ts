import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** One relative import between two of the repository's own source files. */
export type Edge = { from: string; to: string; spec: string };

const IMPORT = /(?:import|export)\s[^;]*?\sfrom\s*"([^"]+)"/g;

/** Every .ts/.tsx file under `dirs` (relative to `root`), node_modules aside. */
export function sourceFiles(root: string, dirs: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (name === "node_modules") return [];
      return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  return dirs.map((dir) => join(root, dir)).filter(existsSync).flatMap(walk);
}

/** The relative imports of `files` that land on one of the files themselves (type-only imports included). */
export function importEdges(files: string[]): Edge[] {
  const known = new Set(files);
  return files.flatMap((from) =>
    [...readFileSync(from, "utf8").matchAll(IMPORT)].flatMap(([, spec]) => {
      if (!spec!.startsWith(".")) return [];
      const base = resolve(dirname(from), spec!).replace(/\.js$/, "");
      const to = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((path) => known.has(path));
      return to ? [{ from, to, spec: spec! }] : [];
    }),
  );
}

/** Strongly connected groups of more than one file (Tarjan): each is an import cycle. */
export function importCycles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) cycles.push(group);
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** The package a file belongs to (`packages/<name>/...`), else its top-level folder. */
export function packageOf(root: string, file: string): string {
  const parts = relative(root, file).split(sep);
  return parts[0] === "packages" ? `packages/${parts[1]}` : parts[0]!;
}

const PACKAGE_IMPORT = /(?:import|export)\s[^;]*?\sfrom\s*"((?:@parom\/[a-z]+)|hono|sst)(?:\/[^"]*)?"/g;

/** The named packages (`@parom/*`, `hono`, `sst`) each file imports, by the file's package. */
export function namedImports(root: string, files: string[]): Map<string, Set<string>> {
  const byPackage = new Map<string, Set<string>>();
  for (const file of files) {
    const names = byPackage.get(packageOf(root, file)) ?? new Set<string>();
    for (const [, name] of readFileSync(file, "utf8").matchAll(PACKAGE_IMPORT)) names.add(name!);
    byPackage.set(packageOf(root, file), names);
  }
  return byPackage;
}

/** The names of an `import {…}` or `export {…}` clause, `type` markers and `as` aliases dropped. */
const clauseNames = (clause: string) =>
  clause
    .split(",")
    .map((part) => part.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!.trim())
    .filter(Boolean);

/** Each public entry of a package (`@parom/core`, `@parom/core/lead`, ...) with the names its index file re-exports. */
export function publicSurfaces(root: string, packageDir: string): Map<string, string[]> {
  const manifest = JSON.parse(readFileSync(join(root, packageDir, "package.json"), "utf8")) as { name: string; exports: Record<string, string> };
  return new Map(
    Object.entries(manifest.exports).map(([entry, file]) => {
      const text = readFileSync(join(root, packageDir, file), "utf8");
      const names = [...text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s*from/g)].flatMap(([, clause]) => clauseNames(clause!));
      return [entry === "." ? manifest.name : `${manifest.name}/${entry.slice(2)}`, names];
    }),
  );
}

/** The names `files` import from each entry of the package `name` (`import {a, type B} from "name/sub"`). */
export function importedNames(files: string[], name: string): Map<string, Set<string>> {
  const pattern = new RegExp(`import\\s+(?:type\\s+)?\\{([^}]*)\\}\\s*from\\s*"(${name.replace(/[/.]/g, "\\$&")}(?:/[a-z-]+)?)"`, "g");
  const byEntry = new Map<string, Set<string>>();
  for (const file of files) {
    for (const [, clause, entry] of readFileSync(file, "utf8").matchAll(pattern)) {
      const names = byEntry.get(entry!) ?? new Set<string>();
      for (const imported of clauseNames(clause!)) names.add(imported);
      byEntry.set(entry!, names);
    }
  }
  return byEntry;
}

/**
 * Core's imports lifted to its top folders (`lead`, `intake`, ...; `(src)` for files directly in
 * src): an edge from each folder to each other folder one of its files imports.
 */
export function coreFolderEdges(root: string, edges: Edge[]): Edge[] {
  const src = join(root, "packages", "core", "src");
  const folderOf = (file: string) => {
    const parts = relative(src, file).split(sep);
    return parts.length > 1 ? parts[0]! : "(src)";
  };
  return edges
    .filter((edge) => edge.from.startsWith(src + sep) && edge.to.startsWith(src + sep))
    .map((edge) => ({ from: folderOf(edge.from), to: folderOf(edge.to), spec: edge.spec }))
    .filter((edge) => edge.from !== edge.to);
}
