// The merchant's knowledge base as the assistant reads it.
export interface KnowledgeEntryView {
  id: string;
  kind: "faq" | "policy";
  policyType: string | null;
  question: string;
  answer: string;
  url: string | null;
}

export interface KnowledgeStore {
  listEntries(shop: string): Promise<KnowledgeEntryView[]>;
}
