import type { FC } from "hono/jsx";
import { IMPORT_SOURCE_ID } from "@parom/core/intake";
import type { Lead } from "@parom/core/lead";
import type { View } from "../view.js";

/**
 * Where the lead came from: every source that delivered this person (one lead however many did,
 * see lead/same-person.ts), each touch with its id at the source, its UTM labels and campaign. A lead
 * imported without naming its source keeps the import's stored id, which is said in words.
 */
export const LeadTouchesSection: FC<{ v: View; lead: Lead; campaignLabel: (campaignId: string) => string }> = ({ v, lead, campaignLabel }) => {
  const t = v.t.leads;
  return (
    <section aria-labelledby="touches">
      <h2 id="touches">{t.touches}</h2>
      <p class="muted">{t.touchesIntro(lead.sources.length)}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.touchAt}</th>
            <th scope="col">{t.touchSource}</th>
            <th scope="col">{t.touchId}</th>
            <th scope="col">{t.utm}</th>
            <th scope="col">{t.touchCampaign}</th>
          </tr>
        </thead>
        <tbody>
          {lead.touches.map((touch) => (
            <tr>
              <td>{v.fmt.dateTime(touch.at)}</td>
              <td>{touch.sourceName ?? (touch.sourceId === IMPORT_SOURCE_ID ? t.importedSource : touch.sourceId)}</td>
              <td translate="no">{touch.externalId ?? t.none}</td>
              <td>{[touch.utm.source && v.t.words.channel(touch.utm.source), touch.utm.medium, touch.utm.campaign].map((part) => part ?? t.none).join(" / ")}</td>
              <td>{touch.campaignId ? campaignLabel(touch.campaignId) : t.noCampaign}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
