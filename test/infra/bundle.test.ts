import { build } from "esbuild";
import { expect, it } from "vitest";

it("bundles the Lambda handler with the AWS SDK left to the runtime and no sst/node", async () => {
  // Prepare / Act: the settings the Api stack deploys with.
  const result = await build({
    entryPoints: ["functions/api.ts"],
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
  console.info(`functions/api.ts bundle: ${(bytes / 1024).toFixed(1)} KiB minified`);
});
