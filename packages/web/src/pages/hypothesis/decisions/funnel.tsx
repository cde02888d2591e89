import { funnel } from "@parom/core/analytics";
import { FunnelChart } from "../../../charts/funnel.js";
import type { Section } from "../section.js";
import { decisionData } from "./data.js";

/** The funnel with its largest drop-off said in a sentence and drawn hatched, then why leads were lost. */
export const FunnelSection: Section = async ({ v, ctx, data }) => {
  const { days, lostReasons, asOf } = await decisionData(ctx, data);
  const result = funnel({ days, lostReasons, asOf, maturityDays: data.hypothesis.maturityDays });
  const t = v.t.decisions.funnel;
  const worst = result.largestDropOff;
  return (
    <section aria-labelledby="funnel">
      <h2 id="funnel">{t.title}</h2>
      {result.stages[0]!.reached === 0 ? (
        <p class="muted">{t.empty}</p>
      ) : (
        <>
          {worst && worst.dropOff !== null && worst.dropped > 0 && (
            <p>
              <strong>
                ⚠ {t.largest(v.t.leadStage[worst.from], v.t.leadStage[worst.to], v.fmt.percent(worst.dropOff), v.fmt.number(worst.dropped))}
              </strong>
            </p>
          )}
          <FunnelChart v={v} id="funnel-chart" funnel={result} />
          {result.maturing.leads > 0 && <p class="muted">{t.maturing(v.fmt.number(result.maturing.leads))}</p>}
          <h3>{t.lostReasons}</h3>
          {result.lostReasons.length === 0 ? (
            <p class="muted">{t.noLost}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.reason}</th>
                  <th scope="col" class="num">{t.count}</th>
                </tr>
              </thead>
              <tbody>
                {result.lostReasons.map((row) => (
                  <tr>
                    <td>{v.t.words.lostReason(row.reason)}</td>
                    <td class="num">{v.fmt.number(row.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
};
