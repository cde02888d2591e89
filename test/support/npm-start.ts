import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

/** tsx's CLI, run by Node directly: what `npm start` runs, without npm in between. */
export const tsxCli = join(process.cwd(), "node_modules/tsx/dist/cli.mjs");

export type NpmStart = { child: ChildProcess; output: () => string; up: Promise<void> };

/** `npm start` as a newcomer runs it (the real entry point, a real socket), resolved once it says it is up. */
export function npmStart(env: Record<string, string>): NpmStart {
  const child = spawn(process.execPath, [tsxCli, "packages/local/src/start.ts"], {
    env: { ...process.env, DYNAMODB_ENDPOINT: "", TABLE_NAME: "", OWNER_API_KEY: "", HOST: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const up = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes("Parom is up")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return { child, output: () => output, up };
}

/** Ctrl-C, as a person stops it; resolves with the exit code. */
export function stopNpmStart(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on("exit", (code) => resolve(code));
    child.kill("SIGINT");
  });
}
