import { Csrf, emptyForm, Field, Problems, Select, YesNoSelect } from "../../components/form.js";
import { DataTable } from "../../components/table.js";
import type { Section } from "./section.js";

export const CampaignsSection: Section = ({ v, data: { hypothesis: h, campaigns, contractors }, forms }) => {
  const t = v.t.hypothesis;
  const state = forms.campaign ?? emptyForm;
  const contractorName = new Map(contractors.map((contractor) => [contractor.id, contractor.name]));
  return (
    <section aria-labelledby="campaigns">
      <h2 id="campaigns">{t.campaigns}</h2>
      <DataTable
        rows={campaigns}
        empty={t.noCampaigns}
        columns={[
          { head: t.utmSource, cell: (campaign) => v.t.words.channel(campaign.utmSource) },
          { head: t.utmCampaign, cell: (campaign) => <a href={`/leads?campaignId=${campaign.id}`}>{campaign.utmCampaign}</a> },
          { head: t.contractor, cell: (campaign) => (campaign.contractorId ? (contractorName.get(campaign.contractorId) ?? campaign.contractorId) : "—") },
          { head: t.platformIds, cell: (campaign) => campaign.platformCampaignIds.join(", ") || "—" },
          {
            head: t.paid,
            cell: (campaign) => (
              <>
                {campaign.paid ? t.paidYes : t.paidNo}
                <form method="post" action={`/hypotheses/${h.id}/campaigns/${campaign.id}/paid`} class="inline">
                  <Csrf v={v} />
                  <input type="hidden" name="paid" value={campaign.paid ? "false" : "true"} />
                  <button type="submit" class="secondary">
                    {campaign.paid ? t.markUnpaid : t.markPaid}
                  </button>
                </form>
              </>
            ),
          },
        ]}
      />
      {h.stage !== "closed" && (
        <details open={state.problem !== undefined}>
          <summary>+ {t.addCampaign}</summary>
          <Problems v={v} state={state} />
          <form method="post" action={`/hypotheses/${h.id}/campaigns`} class="card">
            <Csrf v={v} />
            <div class="row">
              <Field state={state} name="utmSource" label={t.utmSource} required placeholder="vk" literal />
              <Field state={state} name="utmCampaign" label={t.utmCampaign} required placeholder="bags_b2b_march" literal />
            </div>
            <Select
              state={state}
              name="contractorId"
              label={t.contractor}
              options={[{ value: "", label: t.noContractor }, ...contractors.map((c) => ({ value: c.id, label: c.name }))]}
            />
            <Field state={state} name="platformCampaignIds" label={t.platformIds} hint={t.platformIdsHint} />
            <YesNoSelect state={state} name="paid" label={t.paid} yes={t.paidYes} no={t.paidNo} />
            <p class="muted">{t.paidHint}</p>
            <button type="submit">{t.addCampaign}</button>
          </form>
        </details>
      )}
    </section>
  );
};
