// The error summary of a settings form links every problem to its field: the setting
// path a failed save names must lead to the form control that holds it.
import { describe, expect, it } from "vitest";
import { fieldNamesOf } from "./settings-form";

describe("the error summary's links to fields", () => {
  it("finds the form control of every kind of setting path", () => {
    expect(fieldNamesOf("privacy.retentionDays")[0]).toBe("retentionDays");
    expect(fieldNamesOf("access.transcriptViewers")[0]).toBe("transcriptViewers");
    expect(fieldNamesOf("widget.greeting")[0]).toBe("greeting");
    expect(fieldNamesOf("privacy.localizedTexts.de.greeting")).toEqual(["text.de.greeting"]);
    // A weekday's hours: its opening time, else its open/closed switch.
    expect(fieldNamesOf("handoff.businessHours.2")).toEqual(["open2", "dayOpen2"]);
    expect(fieldNamesOf("handoff.businessHours")[0]).toMatch(/^(open|dayOpen)\d$/);
    // Polaris ChoiceList names its checkboxes "leadFields[]".
    expect(fieldNamesOf("privacy.leadFields")).toContain("leadFields[]");
  });
});
