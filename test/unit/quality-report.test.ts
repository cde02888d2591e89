import { describe, expect, it } from "vitest";
import { missingTags, type TagRequirement } from "../../packages/core/src/lead/tags.js";
import { LEAD_IDS_CAP, median, summarizeQuality, UNASSIGNED, type AuditedLead } from "../../packages/core/src/quality/report.js";

const requirement = (kind: "source" | "hypothesis", id: string, fromStage: TagRequirement["fromStage"], tags: TagRequirement["tags"]): TagRequirement => ({
  owner: { kind, id },
  fromStage,
  tags,
  updatedAt: "2026-03-01T00:00:00.000Z",
});

const lead = (overrides: Partial<AuditedLead>): AuditedLead => ({
  id: "L1",
  hypothesisId: "H1",
  sourceId: "S1",
  stage: "new",
  furthestStage: "new",
  createdAt: "2026-03-02T09:00:00.000Z",
  ...overrides,
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("missing required tags", () => {
  it("asks for a stage's tags once the lead has reached it, even when lost since", () => {
    const requirements = [requirement("source", "S1", "qualified", ["city", "clientType"])];
    expect(missingTags({ furthestStage: "contacted", tags: {} }, requirements)).toEqual([]);
    expect(missingTags({ furthestStage: "qualified", tags: { city: "Тула" } }, requirements)).toEqual(["clientType"]);
    expect(missingTags({ furthestStage: "proposal", tags: { city: "Тула", clientType: "retail" } }, requirements)).toEqual([]);
  });

  it("joins the source's and the hypothesis' requirements, each from its own stage", () => {
    const requirements = [requirement("source", "S1", "contacted", ["city"]), requirement("hypothesis", "H1", "proposal", ["storeCount", "city"])];
    expect(missingTags({ furthestStage: "contacted" }, requirements)).toEqual(["city"]);
    expect(missingTags({ furthestStage: "won", tags: { storeCount: 0 } }, requirements)).toEqual(["city"]);
  });
});

describe("the quality summary", () => {
  it("groups by the hypothesis' responsible person, unattributed leads under unassigned", () => {
    const responsible = new Map([
      ["H1", "Ирина"],
      ["H2", "Борис"],
      ["H3", "Ирина"],
    ]);
    const leads = [
      lead({ id: "A", hypothesisId: "H1", furthestStage: "qualified", stage: "lost", firstAttemptAt: "2026-03-02T10:00:00.000Z" }),
      lead({ id: "B", hypothesisId: "H3", furthestStage: "qualified", tags: { city: "Тула" }, firstAttemptAt: "2026-03-02T12:00:00.000Z" }),
      lead({ id: "C", hypothesisId: "H3", firstAttemptAt: "2026-03-02T09:30:00.000Z" }),
      lead({ id: "D", hypothesisId: "H2", furthestStage: "qualified" }),
      lead({ id: "E", hypothesisId: null, sourceId: "S2", furthestStage: "won", stage: "won" }),
    ];
    const requirements = [requirement("hypothesis", "H1", "contacted", ["city"]), requirement("hypothesis", "H3", "contacted", ["city"])];

    const people = summarizeQuality(leads, requirements, (id) => (id ? responsible.get(id)! : UNASSIGNED));

    expect(people).toEqual([
      {
        responsible: "Борис",
        leads: 1,
        missingTags: { count: 0, leads: [], truncated: false },
        firstContact: { medianHours: null, leadsWithAttempt: 0, leadsWithoutAttempt: 1 },
      },
      {
        responsible: "Ирина",
        leads: 3,
        missingTags: { count: 1, leads: [{ id: "A", stage: "lost", missing: ["city"] }], truncated: false },
        firstContact: { medianHours: 1, leadsWithAttempt: 3, leadsWithoutAttempt: 0 },
      },
      {
        responsible: UNASSIGNED,
        leads: 1,
        missingTags: { count: 0, leads: [], truncated: false },
        firstContact: { medianHours: null, leadsWithAttempt: 0, leadsWithoutAttempt: 1 },
      },
    ]);
  });

  it("caps the listed ids but keeps the count exact", () => {
    const leads = Array.from({ length: LEAD_IDS_CAP + 5 }, (_, i) => lead({ id: `L${i}` }));
    const [person] = summarizeQuality(leads, [requirement("source", "S1", "new", ["clientType"])], () => "Ирина");
    expect(person!.missingTags.count).toBe(LEAD_IDS_CAP + 5);
    expect(person!.missingTags.leads).toHaveLength(LEAD_IDS_CAP);
    expect(person!.missingTags.truncated).toBe(true);
  });
});
