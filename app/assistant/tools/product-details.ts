import { z } from "zod";
import { productDetails } from "../../catalog/catalog";
import { defineTool, unavailable } from "./tool";

export const productDetailsTool = defineTool({
  name: "product_details",
  description: "Details of one product by its handle (from search_products): description, options, variants, prices and stock.",
  args: z
    .object({
      handle: z.string().min(1).max(255).optional(),
      id: z.string().min(1).max(80).optional(),
    })
    .strict()
    .refine((a) => a.handle || a.id, "give a handle or an id"),
  async run(args, ctx) {
    const result = await productDetails(ctx.admin, args, { locale: ctx.locale, country: ctx.country });
    if (!result.ok) {
      if (result.code === "NOT_FOUND")
        return { forModel: { error: "NOT_FOUND", message: "No such product in this shop." }, cards: [], topic: "product" };
      return unavailable("Product information", "product");
    }
    return { forModel: { product: result.summary, variants: result.variants }, cards: [result.card], topic: "product" };
  },
});
