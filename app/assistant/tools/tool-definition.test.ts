import { describe, expect, it } from "vitest";
import { ALL_TOOLS } from "./index";
import { toolDefinition } from "./tool";

describe("tool definitions sent to the model", () => {
  it("describe every tool's arguments as a JSON schema object, made once per tool", () => {
    for (const tool of ALL_TOOLS) {
      const definition = toolDefinition(tool);
      expect(definition.name).toBe(tool.name);
      expect(definition.parameters).toMatchObject({ type: "object" });
      expect(definition.parameters).not.toHaveProperty("$schema");
      // The same frozen object on every model round: nothing downstream can alter it for the next turn.
      expect(toolDefinition(tool)).toBe(definition);
      expect(Object.isFrozen(definition) && Object.isFrozen(definition.parameters)).toBe(true);
    }
  });
});
