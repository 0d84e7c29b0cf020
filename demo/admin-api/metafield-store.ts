// Metafields written through metafieldsSet, kept in memory per fake. The demo storefront
// reads the app-data ones back (GET /__fake/app-metafields) the way Liquid's
// `app.metafields.<namespace>.<key>` would.
import { createHash } from "node:crypto";

export interface StoredMetafield {
  id: string;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

export interface MetafieldsSetInput {
  ownerId: string;
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
  compareDigest?: string | null;
}

export interface MetafieldUserError {
  field: string[];
  message: string;
  code: string;
  elementIndex: number | null;
}

const KNOWN_TYPES =
  /^(list\.)?(single_line_text_field|multi_line_text_field|json|boolean|number_integer|number_decimal|date|date_time|url|color|rich_text_field|money|rating|weight|volume|dimension|product_reference|variant_reference|collection_reference|file_reference|page_reference|metaobject_reference)$/;

export const digestOf = (value: string) => createHash("sha256").update(value).digest("hex");

function invalidValue(type: string, value: string): string | null {
  if (type === "json" || type.startsWith("list.")) {
    try {
      JSON.parse(value);
    } catch {
      return "Value is invalid JSON.";
    }
  }
  if (type === "boolean" && value !== "true" && value !== "false") return "Value must be true or false.";
  if (type === "number_integer" && !/^-?\d+$/.test(value)) return "Value must be an integer.";
  return null;
}

export function createMetafieldStore(options: { knownOwner: (id: string) => boolean; now: () => Date; reservedNamespace: string }) {
  const byKey = new Map<string, StoredMetafield>();
  let nextId = 1;
  const keyOf = (ownerId: string, namespace: string, key: string) => `${ownerId}|${namespace}|${key}`;

  function set(inputs: MetafieldsSetInput[]): { metafields: StoredMetafield[] | null; userErrors: MetafieldUserError[] } {
    const userErrors: MetafieldUserError[] = [];
    const error = (i: number, field: string, code: string, message: string) =>
      userErrors.push({ field: ["metafields", String(i), field], code, message, elementIndex: i });
    if (inputs.length > 25) {
      return {
        metafields: null,
        userErrors: [
          {
            field: ["metafields"],
            code: "LESS_THAN_OR_EQUAL_TO",
            message: "Exceeded the maximum metafields input limit of 25.",
            elementIndex: null,
          },
        ],
      };
    }
    inputs.forEach((input, i) => {
      const namespace = input.namespace ?? options.reservedNamespace;
      const existing = byKey.get(keyOf(input.ownerId, namespace, input.key));
      const type = input.type ?? existing?.type;
      if (!options.knownOwner(input.ownerId)) error(i, "ownerId", "INVALID", "Owner does not exist.");
      else if (!type) error(i, "type", "BLANK", "Type can't be blank.");
      else if (!KNOWN_TYPES.test(type)) error(i, "type", "INVALID_TYPE", "Type is invalid.");
      else if (input.key.length < 2) error(i, "key", "TOO_SHORT", "Key is too short (minimum is 2 characters).");
      else if (input.compareDigest && existing && input.compareDigest !== digestOf(existing.value))
        error(i, "compareDigest", "STALE_OBJECT", "The resource has been updated since it was loaded.");
      else {
        const invalid = invalidValue(type, input.value);
        if (invalid) error(i, "value", "INVALID_VALUE", invalid);
      }
    });
    if (userErrors.length > 0) return { metafields: [], userErrors };
    const now = options.now().toISOString();
    const metafields = inputs.map((input) => {
      const namespace = input.namespace ?? options.reservedNamespace;
      const key = keyOf(input.ownerId, namespace, input.key);
      const existing = byKey.get(key);
      const stored: StoredMetafield = {
        id: existing?.id ?? `gid://shopify/Metafield/${900_000 + nextId++}`,
        ownerId: input.ownerId,
        namespace,
        key: input.key,
        type: input.type ?? existing!.type,
        value: input.value,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      byKey.set(key, stored);
      return stored;
    });
    return { metafields, userErrors };
  }

  return {
    set,
    get: (ownerId: string, namespace: string, key: string) => byKey.get(keyOf(ownerId, namespace, key)),
    list: (ownerId: string, namespace?: string | null) =>
      [...byKey.values()].filter((m) => m.ownerId === ownerId && (!namespace || m.namespace === namespace)),
    delete(ownerId: string, namespace: string, key: string): boolean {
      return byKey.delete(keyOf(ownerId, namespace, key));
    },
    clear: () => byKey.clear(),
  };
}

export type MetafieldStore = ReturnType<typeof createMetafieldStore>;
