import { describe, expect, it } from "vitest";
import { windowInputsOf, windowParamsOf } from "./incident-window";
import { parseIncidentWindow } from "./incidents.server";

const BERLIN = "Europe/Berlin";

describe("the assessment window's inputs in the shop's time zone", () => {
  it("shows the URL's UTC instants as the shop's wall-clock time", () => {
    expect(windowInputsOf({ from: "2026-07-01T08:00:00.000Z", to: "2026-07-01T10:00:00Z" }, BERLIN)).toEqual({
      from: "2026-07-01T10:00",
      to: "2026-07-01T12:00",
    });
    expect(windowInputsOf({ from: "", to: "nonsense" }, BERLIN)).toEqual({ from: "", to: "" });
  });

  it("reads typed times in the shop's zone and writes UTC instants to the URL", () => {
    const params = windowParamsOf({ from: "2026-07-01T10:00", to: "2026-07-01T12:30" }, { from: "", to: "" }, BERLIN);
    expect(params).toEqual({ from: "2026-07-01T08:00:00.000Z", to: "2026-07-01T10:30:00.000Z" });
    const parsed = parseIncidentWindow(params.from!, params.to!);
    expect(parsed.ok && parsed.window.from.toISOString()).toBe("2026-07-01T08:00:00.000Z");
    // Shown again, the same wall-clock times.
    expect(windowInputsOf({ from: params.from!, to: params.to! }, BERLIN)).toEqual({ from: "2026-07-01T10:00", to: "2026-07-01T12:30" });
  });

  it("keeps the exact instants of inputs left as they were (seconds, the second occurrence of a repeated hour)", () => {
    const shown = { from: "2026-10-25T01:30:00.000Z", to: "2026-10-25T01:45:27.000Z" }; // both 02:xx CET, after the clocks went back
    const inputs = windowInputsOf(shown, BERLIN);
    expect(inputs).toEqual({ from: "2026-10-25T02:30", to: "2026-10-25T02:45" });
    expect(windowParamsOf(inputs, shown, BERLIN)).toEqual(shown);
  });

  it("reads a changed repeated time as the first occurrence for the start and the last for the end", () => {
    expect(windowParamsOf({ from: "2026-10-25T02:00", to: "2026-10-25T02:59" }, { from: "", to: "" }, BERLIN)).toEqual({
      from: "2026-10-25T00:00:00.000Z",
      to: "2026-10-25T01:59:00.000Z",
    });
    // A time that never happens (the spring gap) moves forward by the gap.
    expect(windowParamsOf({ from: "2026-03-29T02:30", to: "" }, { from: "", to: "" }, BERLIN)).toEqual({
      from: "2026-03-29T01:30:00.000Z",
      to: undefined,
    });
  });

  it("drops an emptied bound and passes unreadable text on for the server to refuse", () => {
    const params = windowParamsOf({ from: "", to: "2026-02-30T10:00" }, { from: "2026-07-01T08:00:00.000Z", to: "" }, BERLIN);
    expect(params).toEqual({ from: undefined, to: "2026-02-30T10:00" });
    expect(parseIncidentWindow(params.from ?? null, params.to ?? null)).toEqual({ ok: false, problem: "invalid" });
  });

  it("reads times in a zone 45 minutes off the hour", () => {
    expect(windowParamsOf({ from: "2026-06-01T12:00", to: "2026-06-01T13:00" }, { from: "", to: "" }, "Asia/Kathmandu")).toEqual({
      from: "2026-06-01T06:15:00.000Z",
      to: "2026-06-01T07:15:00.000Z",
    });
  });
});
