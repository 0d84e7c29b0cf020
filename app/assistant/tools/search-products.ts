import { z } from "zod";
import { searchProducts } from "../../catalog/catalog";
import { defineTool, unavailable } from "./tool";

export const searchProductsTool = defineTool({
  name: "search_products",
  description: "Search the shop's products by words (in the shop's language), optionally by price range and availability.",
  args: z
    .object({
      query: z.string().min(1).max(200).describe("Search words, e.g. 'merino tee'"),
      minPrice: z.number().min(0).optional(),
      maxPrice: z.number().min(0).optional(),
      availableOnly: z.boolean().optional().describe("Only products in stock"),
    })
    .strict(),
  async run(args, ctx) {
    const result = await searchProducts(ctx.admin, { ...args, limit: 5 });
    if (!result.ok) return unavailable("Product search", "product");
    return { forModel: { products: result.summaries }, cards: result.cards, topic: "product" };
  },
});
