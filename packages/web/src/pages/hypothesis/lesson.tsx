import { Learnings } from "@parom/core/hypothesis";
import { LearningCard } from "../learnings.js";
import type { Section } from "./section.js";

/** A closed hypothesis' learning, as the archive shows it: read only once the hypothesis is closed. */
export const LessonSection: Section = async ({ v, ctx, data: { hypothesis: h } }) => {
  if (h.stage !== "closed") return null;
  const learning = await Learnings.of(ctx, h.id);
  if (!learning) return null;
  return (
    <section aria-labelledby="lesson">
      <h2 id="lesson">{v.t.backlog.nav.learnings}</h2>
      <LearningCard v={v} learning={learning} />
    </section>
  );
};
