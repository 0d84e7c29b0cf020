import type { ShopSettings } from "../../settings/settings-schema";
import { myOrdersTool, orderStatusTool } from "./order-tools";
import { productDetailsTool } from "./product-details";
import { requestHumanTool } from "./request-human";
import { searchProductsTool } from "./search-products";
import { storePoliciesTool } from "./store-policies";
import type { AssistantTool } from "./tool";

export const ALL_TOOLS: AssistantTool<unknown>[] = [
  searchProductsTool,
  productDetailsTool,
  storePoliciesTool,
  myOrdersTool,
  orderStatusTool,
  requestHumanTool,
];

/** The tools offered to the model for this shop: order tools only when order lookup is on. */
export function toolsFor(settings: ShopSettings): AssistantTool<unknown>[] {
  return ALL_TOOLS.filter((t) => settings.privacy.orderLookup || (t !== myOrdersTool && t !== orderStatusTool));
}
