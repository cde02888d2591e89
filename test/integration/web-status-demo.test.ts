import { beforeAll, describe, expect, it } from "vitest";
import { loadDemo, type DemoResult } from "../../packages/local/src/demo/load.js";
import { OWNER_KEY } from "../support/harness.js";
import { createWebHarness, textOf, type WebHarness } from "../support/web.js";

// 10 June 2026, 12:00 in Moscow: the demo's history runs from 12 March to 9 June.
const NOW = "2026-06-10T09:00:00Z";
let h: WebHarness;
let demo: DemoResult;
let board: string;
beforeAll(async () => {
  h = await createWebHarness({ now: NOW });
  demo = await loadDemo({ api: h.call, now: new Date(NOW), timeZone: h.ctx.timeZone });
  const ru = h.browser({ acceptLanguage: "ru" });
  await ru.signIn(OWNER_KEY);
  board = (await ru.get("/")).html;
}, 300_000); // the demo is about 2,200 writes: about 100 s on a loaded 2-core machine

/** The status badge on the board card of the demo's hypothesis playing `role`. */
function badgeOf(role: DemoResult["hypotheses"][number]["role"]) {
  const title = demo.hypotheses.find((x) => x.role === role)!.title;
  const card = board.split(title)[1]!.split("</li>")[0]!;
  const match = /<span class="badge (\w+)">([^<]*)<\/span>/.exec(card)!;
  return { tone: match[1], words: textOf(match[2]!).replace(/[\u00a0\u202f]/g, " ") };
}

describe("the demo's board at a glance", () => {
  it("shows the hypothesis awaiting approval green and ready for the owner, the failing one red, the maturing one grey", () => {
    expect(badgeOf("ready")).toEqual({ tone: "good", words: "✓ готово для владельца: ждёт решения о масштабировании" });
    expect(badgeOf("failing").tone).toBe("bad");
    expect(badgeOf("failing").words).toMatch(/^✗ не достигнуто \d+ из \d+$/);
    expect(badgeOf("maturing").tone).toBe("neutral");
    expect(badgeOf("maturing").words).toMatch(/^… рано судить/);
  });
});
