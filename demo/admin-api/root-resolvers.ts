// The fake's QueryRoot and Mutation fields. Everything not listed here falls through to
// default-field-resolver.ts (null or a neutral default), so any valid document executes.
import type { FakeContext } from "./fake-context";
import { orderVisible } from "./fake-context";
import { collectionsMatching, customersMatching, ordersMatching, productsMatching } from "./store-queries";
import { collectionView, productView, variantView } from "./shape-catalog";
import { customerView, orderView } from "./shape-orders";
import { appInstallationView, metafieldView, shopLocalesView, shopView } from "./shape-shop";
import type { MetafieldsSetInput } from "./metafield-store";

type Args = Record<string, unknown>;

function nodeById(id: string, ctx: FakeContext): unknown {
  const product = ctx.store.products.get(id);
  if (product) return productView(product, ctx);
  const found = ctx.store.variants.get(id);
  if (found) return variantView(found.variant, found.product, ctx);
  const collection = ctx.store.collections.get(id);
  if (collection) return collectionView(collection, ctx);
  const order = ctx.store.orders.get(id);
  if (order) return orderVisible(order, ctx) ? orderView(order, ctx) : null;
  const customer = ctx.store.customers.get(id);
  if (customer) return customerView(customer, ctx);
  if (id === ctx.appInstallationId) return appInstallationView(ctx);
  if (id === ctx.store.data.shop.id) return shopView(ctx);
  return null;
}

export function queryRoot(ctx: FakeContext) {
  const { data } = ctx.store;
  const product = (p: (typeof data.products)[number] | undefined) => (p ? productView(p, ctx) : null);
  return {
    shop: () => shopView(ctx),
    node: (args: Args) => nodeById(String(args.id), ctx),
    nodes: (args: Args) => (args.ids as string[]).map((id) => nodeById(id, ctx)),
    product: (args: Args) => product(ctx.store.products.get(String(args.id))),
    productByHandle: (args: Args) => product(data.products.find((p) => p.handle === args.handle)),
    productByIdentifier: (args: Args) => {
      const identifier = args.identifier as { id?: string; handle?: string };
      return product(identifier.id ? ctx.store.products.get(identifier.id) : data.products.find((p) => p.handle === identifier.handle));
    },
    products: (args: Args) => productsMatching(data.products, args).map((p) => productView(p, ctx)),
    productVariant: (args: Args) => {
      const found = ctx.store.variants.get(String(args.id));
      return found ? variantView(found.variant, found.product, ctx) : null;
    },
    productVariants: (args: Args) =>
      productsMatching(data.products, {})
        .flatMap((p) => p.variants.map((v) => variantView(v, p, ctx)))
        .filter(
          (v) =>
            !args.query ||
            String(args.query)
              .split(/\s+/)
              .every((t) => `${v.displayName} ${v.sku}`.toLowerCase().includes(t.replace(/^\w+:/, "").toLowerCase())),
        ),
    collection: (args: Args) => {
      const c = ctx.store.collections.get(String(args.id));
      return c ? collectionView(c, ctx) : null;
    },
    collectionByHandle: (args: Args) => {
      const c = data.collections.find((x) => x.handle === args.handle);
      return c ? collectionView(c, ctx) : null;
    },
    collectionByIdentifier: (args: Args) => {
      const identifier = args.identifier as { id?: string; handle?: string };
      const c = data.collections.find((x) => x.id === identifier.id || x.handle === identifier.handle);
      return c ? collectionView(c, ctx) : null;
    },
    collections: (args: Args) => collectionsMatching(data.collections, args).map((c) => collectionView(c, ctx)),
    order: (args: Args) => {
      const o = ctx.store.orders.get(String(args.id));
      return o && orderVisible(o, ctx) ? orderView(o, ctx) : null;
    },
    orderByIdentifier: (args: Args) => {
      const identifier = args.identifier as { id?: string };
      const o = identifier.id ? ctx.store.orders.get(identifier.id) : undefined;
      return o && orderVisible(o, ctx) ? orderView(o, ctx) : null;
    },
    orders: (args: Args) =>
      ordersMatching(
        data.orders.filter((o) => orderVisible(o, ctx)),
        args,
      ).map((o) => orderView(o, ctx)),
    customer: (args: Args) => {
      const c = ctx.store.customers.get(String(args.id));
      return c ? customerView(c, ctx) : null;
    },
    customers: (args: Args) => customersMatching(data.customers, args).map((c) => customerView(c, ctx)),
    shopLocales: (args: Args) => shopLocalesView(ctx, args),
    currentAppInstallation: () => appInstallationView(ctx),
    app: () => appInstallationView(ctx).app,
  };
}

export function mutationRoot(ctx: FakeContext) {
  return {
    metafieldsSet: (args: Args) => {
      const { metafields, userErrors } = ctx.metafields.set(args.metafields as MetafieldsSetInput[]);
      return {
        metafields: metafields?.map((m) => metafieldView(m, ctx)) ?? null,
        userErrors: userErrors.map((e) => ({ __typename: "MetafieldsSetUserError", ...e })),
      };
    },
    metafieldsDelete: (args: Args) => {
      const inputs = args.metafields as { ownerId: string; namespace: string; key: string }[];
      return {
        deletedMetafields: inputs.map((m) => (ctx.metafields.delete(m.ownerId, m.namespace, m.key) ? m : null)),
        userErrors: [],
      };
    },
  };
}
