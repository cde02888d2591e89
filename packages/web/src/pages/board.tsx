import type { Context } from "hono";
import type { FC } from "hono/jsx";
import { pipeline } from "@parom/core/hypothesis";
import { StatusBadge, StatusLegend } from "../components/status.js";
import { boardCards, type BoardCard } from "../data/board.js";
import type { WebEnv } from "../env.js";
import { Page } from "../layout.js";
import { hypothesisStatus } from "../status.js";
import { viewOf, type View } from "../view.js";

const Card: FC<{ v: View; card: BoardCard }> = ({ v, card: { hypothesis: h, totals, gate, spendMissing } }) => (
  <li class="card">
    <h3>
      <a href={`/hypotheses/${h.id}`}>{h.title}</a>
    </h3>
    <dl class="facts">
      <dt>{v.t.hypothesis.channel}</dt>
      <dd>{v.t.words.channel(h.channel)}</dd>
      <dt>{v.t.board.spend}</dt>
      <dd>
        {v.t.board.spendOf(v.fmt.wholeMoney(totals.spend, h.currency), v.fmt.wholeMoney(h.budget, h.currency))}
        {h.budget > 0 && <meter min={0} max={h.budget} high={h.budget * 0.9} value={Math.min(totals.spend, h.budget)} />}
        {/* The fact beside the spend; the status badge below says what it means for the verdict. */}
        {gate && spendMissing.length > 0 && (
          <small class="warn" title={spendMissing.join(", ")}>
            ⚠ {v.t.board.spendMissing(spendMissing.length)}
          </small>
        )}
      </dd>
      <dt>{v.t.board.leads}</dt>
      <dd>{v.fmt.number(totals.leads)}</dd>
      {gate && (
        <>
          <dt>{v.t.status.label}</dt>
          <dd>
            <StatusBadge v={v} status={hypothesisStatus(gate, spendMissing, h.stage)} />
          </dd>
        </>
      )}
    </dl>
    {h.closedReason && <p class="muted">{v.t.hypothesis.closedBecause(h.closedReason)}</p>}
  </li>
);

const Column: FC<{ v: View; cards: BoardCard[] }> = ({ v, cards }) =>
  cards.length === 0 ? (
    <p class="muted">{v.t.board.empty}</p>
  ) : (
    <ul class="cards">
      {cards.map((card) => (
        <Card v={v} card={card} />
      ))}
    </ul>
  );

/** The board: one column per stage of the path, closed hypotheses folded below. Owners and marketers. */
export async function boardPage(c: Context<WebEnv>) {
  const v = await viewOf(c);
  const cards = await boardCards(c.var.ctx);
  const closed = cards.filter((card) => card.hypothesis.stage === "closed");
  return c.html(
    <Page v={v} title={v.t.board.title} actions={<a class="button" href="/hypotheses/new">+ {v.t.board.newHypothesis}</a>}>
      <div class="board">
        {pipeline.map((stage) => (
          <section class="column" aria-labelledby={`col-${stage}`}>
            <h2 id={`col-${stage}`}>{v.t.stage[stage]}</h2>
            <Column v={v} cards={cards.filter((card) => card.hypothesis.stage === stage)} />
          </section>
        ))}
      </div>
      <details class="closed">
        <summary>{v.t.board.closed(closed.length)}</summary>
        <Column v={v} cards={closed} />
      </details>
      <StatusLegend v={v} />
    </Page>,
  );
}
