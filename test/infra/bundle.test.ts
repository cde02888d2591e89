import { build } from "esbuild";
import { expect, it } from "vitest";

// Every Lambda entry point, bundled with the settings its stack deploys with.
it.each(["functions/api.ts", "functions/reports.ts", "functions/replay-stuck.ts", "functions/return-handovers.ts"])("bundles %s with the AWS SDK left to the runtime and no sst/node", async (entry) => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node22",
    external: ["@aws-sdk/*"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });

  // Assess
  const inputs = Object.keys(result.metafile.inputs);
  expect(result.errors).toEqual([]);
  expect(inputs.filter((path) => path.includes("node_modules/@aws-sdk/") || path.includes("node_modules/sst/"))).toEqual([]);
  const bytes = result.outputFiles.reduce((sum, file) => sum + file.contents.byteLength, 0);
  console.info(`${entry} bundle: ${(bytes / 1024).toFixed(1)} KiB minified`);
});
