import { relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importCycles, importEdges, sourceFiles } from "../support/import-graph.js";

const root = resolve(import.meta.dirname, "../..");
const files = sourceFiles(root, ["packages", "functions", "stacks"]);
const edges = importEdges(files);

describe("the import graph", () => {
  it("reads the repository's imports (a guard against this test passing on nothing)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(300);
  });

  it("has no import cycle, type-only imports included", () => {
    const cycles = importCycles(edges).map((group) => group.map((file) => relative(root, file)).sort());
    expect(cycles).toEqual([]);
  });
});
