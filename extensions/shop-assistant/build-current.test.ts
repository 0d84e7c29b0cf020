import { describe, expect, it } from "vitest";
import { staleWidgetAssets } from "./scripts/build-widget";

describe("storefront widget build", () => {
  it("built assets are current", async () => {
    // Fails when src/ changed without `npm run build:widget`.
    expect(await staleWidgetAssets()).toEqual([]);
  });
});
