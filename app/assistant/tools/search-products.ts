import { z } from "zod";
import { searchProducts } from "../../catalog/catalog";
import { CONCEPTS, foldText, searchWordsOf } from "../../catalog/vocabulary";
import { defineTool, unavailable } from "./tool";

/** A colour in any language → its words in every language (so "schwarz" finds a "Black" variant). */
function colourWords(color: string): string[] {
  const folded = foldText(color.trim());
  const concept = CONCEPTS.find((c) => c.kind === "color" && searchWordsOf(c).includes(folded));
  return concept ? searchWordsOf(concept) : [folded];
}

export const searchProductsTool = defineTool({
  name: "search_products",
  description:
    "Search the shop's products. The query must be in the shop's primary language (the catalog's language): " +
    "translate the shopper's words first, e.g. 'Wanderschuhe' -> 'hiking boots'. Put price limits, size, colour and " +
    "stock in their own arguments, not in the query. Prices are in the shopper's market currency when one is known.",
  args: z
    .object({
      query: z.string().min(1).max(200).describe("Product words in the shop's primary language, e.g. 'merino tee'"),
      minPrice: z.number().min(0).optional().describe("Lowest price, e.g. 20 for 'between 20 and 40'"),
      maxPrice: z.number().min(0).optional().describe("Highest price, e.g. 120 for 'under 120 euros'"),
      size: z.string().min(1).max(20).optional().describe("A size option value, e.g. 'XL' or '42'"),
      color: z.string().min(1).max(40).optional().describe("A colour, e.g. 'black'"),
      inStock: z.boolean().optional().describe("Only products (and variants) in stock"),
    })
    .strict(),
  async run(args, ctx) {
    const result = await searchProducts(
      ctx.admin,
      {
        query: args.query,
        minPrice: args.minPrice,
        maxPrice: args.maxPrice,
        size: args.size,
        color: args.color ? colourWords(args.color) : undefined,
        availableOnly: args.inStock,
        limit: 5,
      },
      { locale: ctx.locale, country: ctx.country },
    );
    if (!result.ok) return unavailable("Product search", "product");
    return { forModel: { products: result.summaries }, cards: result.cards, topic: "product" };
  },
});
