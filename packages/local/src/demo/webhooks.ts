import { LEAD_MANAGER_CRM_USER } from "./sales-team.js";
import { seededRandom } from "@parom/core/stats";
import { allPages, ok, type Api, type ApiResponse } from "./api.js";
import { person } from "./people.js";
import type { Source } from "./setup.js";
import type { HypothesisPlan } from "./story.js";

/**
 * Today's traffic through the public webhooks, as the senders write it: Tilda form submissions
 * (form-encoded, one per ad campaign and one visitor without UTM), an amoCRM deal added by a caller
 * and a deal won, and two calls no parser can read, which land in quarantine. Tilda's tranid and
 * amoCRM's deal ids make a second run's calls duplicates.
 */

export type WebhookCounts = { calls: number; leads: number; quarantined: number };
/** The amoCRM deal a manager closes today: a proposal from the imported history. */
export type DealToWin = { externalId: string; price: number };

const FORM = "form4711235";
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM_TYPE = "application/x-www-form-urlencoded";

export async function postTodaysWebhooks(
  api: Api,
  sources: { tilda: Source; amocrm: Source },
  plans: HypothesisPlan[],
  asOf: string,
  dealToWin: DealToWin | null,
): Promise<WebhookCounts> {
  const counts: WebhookCounts = { calls: 0, leads: 0, quarantined: 0 };
  const post = async (source: Source, raw: string, contentType: string): Promise<ApiResponse> => {
    counts.calls++;
    return api("POST", `/hooks/${source.key}`, undefined, { raw, contentType });
  };
  const accepted = async (step: string, source: Source, raw: string) => {
    const body = await ok(step, post(source, raw, FORM_TYPE));
    counts.leads += (body.leads ?? []).filter((lead: { duplicate: boolean }) => !lead.duplicate).length;
  };

  // Tilda checks a new webhook with test=test before it sends anything.
  if (sources.tilda.created) await ok("Tilda connection test", post(sources.tilda, form({ test: "test" }), FORM_TYPE));

  const random = seededRandom(`demo/webhooks/${asOf}`);
  const adCampaigns = plans.flatMap((plan) => plan.campaigns).filter((campaign) => campaign.utmMedium === "cpc");
  const visits: Array<Record<string, string>> = [
    ...adCampaigns.map((c) => ({ utm_source: c.utmSource, utm_medium: c.utmMedium, utm_campaign: c.utmCampaign })),
    { referer: "https://sumki-opt.example/" },
  ];
  for (const [i, utm] of visits.entries()) {
    const buyer = person(random);
    const fields = {
      Name: buyer.name,
      Phone: buyer.phone,
      ...(buyer.email ? { Email: buyer.email } : {}),
      Comments: "Пришлите оптовый прайс, интересуют женские сумки, партия от 30 шт.",
      tranid: `4711235:${asOf.replaceAll("-", "")}${String(i + 1).padStart(2, "0")}`,
      formid: FORM,
      ...utm,
    };
    await accepted("Tilda form submission", sources.tilda, form(fields));
  }

  const caller = person(random);
  await accepted(
    "amoCRM deal added by a caller",
    sources.amocrm,
    form({
      "leads[add][0][id]": `319${asOf.replaceAll("-", "").slice(2)}`,
      "leads[add][0][name]": "Холодный звонок: магазин «Галантерея на Садовой»",
      "leads[add][0][status_id]": "55512345",
      "leads[add][0][pipeline_id]": "7654321",
      // The CRM gave the deal to its lead manager: it is hers in Parom too.
      "leads[add][0][responsible_user_id]": LEAD_MANAGER_CRM_USER,
      "leads[add][0][custom_fields][0][name]": "Телефон",
      "leads[add][0][custom_fields][0][code]": "PHONE",
      "leads[add][0][custom_fields][0][values][0][value]": caller.phone,
      "leads[add][0][custom_fields][1][name]": "utm_source",
      "leads[add][0][custom_fields][1][values][0][value]": "cold_calls",
      "leads[add][0][custom_fields][2][name]": "utm_campaign",
      "leads[add][0][custom_fields][2][values][0][value]": "baza_galantereya_2026",
    }),
  );
  if (dealToWin) {
    await ok(
      "amoCRM deal won",
      post(
        sources.amocrm,
        form({
          "leads[status][0][id]": dealToWin.externalId,
          "leads[status][0][status_id]": "142",
          "leads[status][0][old_status_id]": "55512351",
          "leads[status][0][pipeline_id]": "7654321",
          "leads[status][0][price]": String(dealToWin.price),
        }),
        FORM_TYPE,
      ),
    );
  }

  const quarantined = await allPages(api, "/api/quarantine");
  if (!quarantined.some((item) => item.sourceId === sources.tilda.id || item.sourceId === sources.amocrm.id)) {
    // A quiz widget pointed at the Tilda webhook sends its own nested JSON: no field Tilda's parser knows.
    const quiz = JSON.stringify({ quiz: "Подбор сумок для магазина", answers: [{ q: "Сколько сумок в месяц?", a: "50-100" }], contacts: { phone: "+7 926 555-01-02" } });
    await refused(post(sources.tilda, quiz, "application/json"), counts);
    // A hand-made integration that forgot the deal id.
    await refused(post(sources.amocrm, form({ "leads[add][0][name]": "Заявка с сайта", "leads[add][0][status_id]": "55512345" }), FORM_TYPE), counts);
  }
  return counts;
}

async function refused(pending: Promise<ApiResponse>, counts: WebhookCounts): Promise<void> {
  const response = await pending;
  if (response.status !== 422) throw new Error(`a malformed webhook call was expected to be refused with 422, got HTTP ${response.status} ${response.text}`);
  counts.quarantined++;
}
