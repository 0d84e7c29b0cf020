// shop/redact (48 hours after uninstall): deletes every row of the shop in every table,
// sessions included. The tables come from the Prisma data model itself (every model
// carries `shop`; a test fails if one does not), so a table added later is covered
// without anyone remembering to list it here.
import { Prisma } from "@prisma/client";
import type { Database } from "../../infra/db/create-database.server";

type ShopScoped = { deleteMany(args: { where: { shop: string } }): Promise<{ count: number }> };

/** Model names that hold a `shop` column, children before parents (Message before Conversation). */
export function shopScopedModels(): string[] {
  const models = Prisma.dmmf.datamodel.models;
  const scoped = models.filter((m) => m.fields.some((f) => f.name === "shop" && f.kind === "scalar"));
  // The generated client's data model is minimal (no relationFromFields): a model that
  // has a relation field `x` next to a scalar `xId` holds the foreign key, so goes first.
  const hasParent = (name: string) => {
    const fields = models.find((m) => m.name === name)!.fields;
    return fields.some((f) => f.kind === "object" && fields.some((g) => g.kind === "scalar" && g.name === `${f.name}Id`));
  };
  return scoped.map((m) => m.name).sort((a, b) => Number(hasParent(b)) - Number(hasParent(a)));
}

/** Every model of the data model, for the test that checks they are all shop-scoped. */
export function allModelNames(): string[] {
  return Prisma.dmmf.datamodel.models.map((m) => m.name);
}

export async function redactShop(db: Database, shop: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.$transaction(
    async (tx) => {
      for (const model of shopScopedModels()) {
        const delegate = (tx as unknown as Record<string, ShopScoped>)[model[0]!.toLowerCase() + model.slice(1)]!;
        counts[model] = (await delegate.deleteMany({ where: { shop } })).count;
      }
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  return counts;
}
