// A KnowledgeStore over a plain list: tests and the offline demo.
import type { KnowledgeEntryView, KnowledgeStore } from "./ports";

export function createInMemoryKnowledgeStore(entriesByShop: Record<string, KnowledgeEntryView[]> = {}): KnowledgeStore {
  return {
    async listEntries(shop) {
      return entriesByShop[shop] ?? [];
    },
  };
}
