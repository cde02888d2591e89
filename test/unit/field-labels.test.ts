import { describe, expect, it } from "vitest";
import { fieldLabel } from "../../packages/web/src/field-labels.js";
import { dictionaries } from "../../packages/web/src/i18n/index.js";

const ru = dictionaries.ru;

describe("a refused form's field named in words", () => {
  it("names a field by the label its form shows", () => {
    expect(fieldLabel(ru, "probe.start")).toBe("Начало пробы");
    expect(fieldLabel(ru, "budget")).toBe("Бюджет");
    expect(fieldLabel(dictionaries.en, "probe.start")).toBe("Probe starts");
  });

  it("names an item of a list by its list, and an unknown part of a known field by the field", () => {
    expect(fieldLabel(ru, "checklist.2")).toBe(ru.hypothesis.checklist);
    expect(fieldLabel(ru, "targets.0.value")).toBe("Цели");
    expect(fieldLabel(ru, "probe.unknown")).toBe(ru.hypothesis.probe);
  });

  it("prefers the page's own label, and gives no name rather than a raw path", () => {
    expect(fieldLabel(ru, "name", { name: "Имя сотрудника" })).toBe("Имя сотрудника");
    expect(fieldLabel(ru, "somethingElse.3")).toBeNull();
  });
});
