import { relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importCycles, importEdges, importedNames, namedImports, packageOf, publicSurfaces, sourceFiles, coreFolderEdges } from "../support/import-graph.js";

const root = resolve(import.meta.dirname, "../..");
const files = sourceFiles(root, ["packages", "functions", "stacks"]);
const edges = importEdges(files);

/** Who may import whom: the API mounts the pages, never the reverse; core knows no HTTP framework and no SST. */
const allowed: Record<string, string[]> = {
  "packages/core": [],
  "packages/web": ["@parom/core", "hono"],
  "packages/api": ["@parom/core", "@parom/web", "hono"],
  "packages/local": ["@parom/core", "@parom/api", "hono"],
  functions: ["@parom/core", "@parom/api", "hono"],
  stacks: ["@parom/core", "sst"],
};

describe("the import graph", () => {
  it("reads the repository's imports (a guard against this test passing on nothing)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(300);
    expect(namedImports(root, files).get("packages/api")?.has("@parom/core")).toBe(true);
  });

  it("has no import cycle, type-only imports included", () => {
    const cycles = importCycles(edges).map((group) => group.map((file) => relative(root, file)).sort());
    expect(cycles).toEqual([]);
  });

  it("keeps core's folders free of cycles too: intake imports lead, hypothesis imports kpi, never the reverse", () => {
    const cycles = importCycles(coreFolderEdges(root, edges)).map((group) => group.sort());
    expect(cycles).toEqual([]);
  });

  it("has no relative import from one package into another: packages import each other by name", () => {
    const crossing = edges.filter((edge) => packageOf(root, edge.from) !== packageOf(root, edge.to));
    expect(crossing.map((edge) => `${relative(root, edge.from)} -> ${edge.spec}`)).toEqual([]);
  });

  it("imports only the packages each layer may use", () => {
    const outside = [...namedImports(root, files)].flatMap(([pkg, names]) =>
      [...names].filter((name) => !(allowed[pkg] ?? []).includes(name)).map((name) => `${pkg} imports ${name}`),
    );
    expect(outside).toEqual([]);
  });

  it("exports from core's entries only the names another package or a test imports by name", () => {
    // Tests reach core's modules by relative path, so only imports by package name count here.
    const users = sourceFiles(root, ["packages/api", "packages/web", "packages/local", "functions", "stacks", "test"]);
    const imported = importedNames(users, "@parom/core");
    const surfaces = publicSurfaces(root, "packages/core");
    expect(surfaces.size).toBeGreaterThan(10);
    const unused = [...surfaces].flatMap(([entry, names]) => names.filter((name) => !imported.get(entry)?.has(name)).map((name) => `${entry} ${name}`));
    expect(unused).toEqual([]);
  });
});
