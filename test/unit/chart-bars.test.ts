import { jsx } from "hono/jsx";
import { describe, expect, it } from "vitest";
import { HorizontalBars, type Bar } from "../../packages/web/src/charts/bars.js";
import { dictionaries } from "../../packages/web/src/i18n/index.js";

const render = (bars: Bar[]) => String(jsx(HorizontalBars as any, { id: "b", title: "Counts", bars }));

/** A typical width of one character at the chart's 13 px system font, for where a text ends. */
const CHAR = 7.5;
type Box = { x1: number; x2: number; y1: number; y2: number; text: string };

/** The boxes of the chart's texts (from x, y, anchor and length) and bars (from the rects). */
function boxes(svg: string) {
  const texts: Box[] = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"(?: text-anchor="(start|end)")?[^>]*>(?:<title>[^<]*<\/title>)?([^<]*)<\/text>/g)].map(([, x, y, anchor, text]) => {
    const width = text!.length * CHAR;
    const left = anchor === "end" ? Number(x) - width : Number(x);
    return { x1: left, x2: left + width, y1: Number(y) - 13, y2: Number(y) + 3, text: text! };
  });
  const rects: Box[] = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map(([, x, y, w, h]) => ({
    x1: Number(x),
    x2: Number(x) + Number(w),
    y1: Number(y),
    y2: Number(y) + Number(h),
    text: "bar",
  }));
  return { texts, rects, width: Number(/viewBox="0 0 (\d+)/.exec(svg)![1]) };
}

const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Every pair of marks that collide, by their texts, and every text outside the chart. */
function collisions(svg: string) {
  const { texts, rects, width } = boxes(svg);
  const marks = [...texts, ...rects];
  const pairs = marks.flatMap((a, i) => marks.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.text} / ${b.text}`));
  return [...pairs, ...texts.filter((t) => t.x1 < 0 || t.x2 > width).map((t) => `${t.text} outside`)];
}

describe("the horizontal bars", () => {
  it("keeps the reconciliation's long Russian labels clear of their bars and figures", () => {
    const t = dictionaries.ru.decisions.reconciliation;
    const svg = render([
      { label: t.matched, value: 1234, text: "1 234" },
      { label: t.onlyInAccounting, value: 17, text: "17" },
      { label: t.onlyInCrm, value: 980, text: "980" },
    ]);

    expect(boxes(svg).texts.map((box) => box.text)).toContain("Выиграны в CRM, но нет в бухгалтерии");
    expect(collisions(svg)).toEqual([]);
  });

  it("cuts a label too long for its column and keeps it whole in a tooltip", () => {
    const name = "Общество с ограниченной ответственностью «Колл-центр Северо-Западного федерального округа»";
    const svg = render([
      { label: name, value: 3.5, text: "3.5 h" },
      { label: "Oleg", value: null, text: "no attempt yet" },
    ]);

    expect(svg).toContain(`<title>${name}</title>`);
    expect(boxes(svg).texts[0]!.text).toMatch(/^Общество с ограниченной .+…$/);
    expect(collisions(svg)).toEqual([]);
  });
});
