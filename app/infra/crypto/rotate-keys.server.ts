// Key rotation: re-encrypts every stored ciphertext whose key id is not the current
// key. Run after putting a new key first in ENCRYPTION_KEYS (old keys stay listed so
// they still decrypt); when it reports nothing left, the old key can be removed.
// The columns come from the data model: every String column whose value is one of our
// ciphertexts ("v1.<keyId>.…"), so Session tokens and any future *Enc column are included.
import { Prisma } from "@prisma/client";
import type { Database } from "../db/create-database.server";
import type { Vault } from "./crypto.server";

const CIPHERTEXT = /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

type Row = Record<string, unknown>;
interface Delegate {
  findMany(args: object): Promise<Row[]>;
  update(args: { where: Row; data: Row }): Promise<unknown>;
}

export interface RotationReport {
  /** re-encrypted values per "Model.column" */
  reencrypted: Record<string, number>;
  /** ciphertexts no listed key could open (they stay as they are) */
  unreadable: number;
}

function encryptedModels() {
  return Prisma.dmmf.datamodel.models.map((model) => {
    const scalars = model.fields.filter((f) => f.kind === "scalar");
    return {
      name: model.name,
      // By the schema's convention the first column is the primary key.
      idField: scalars[0]!.name,
      stringFields: scalars.filter((f) => f.type === "String").map((f) => f.name),
      hasKeyId: scalars.some((f) => f.name === "keyId"),
    };
  });
}

export async function rotateKeys(db: Database, vault: Vault, batchSize = 500): Promise<RotationReport> {
  const report: RotationReport = { reencrypted: {}, unreadable: 0 };
  for (const model of encryptedModels()) {
    const delegate = (db as unknown as Record<string, Delegate>)[model.name[0]!.toLowerCase() + model.name.slice(1)]!;
    const anyCiphertext = { OR: model.stringFields.map((f) => ({ [f]: { startsWith: "v1." } })) };
    let cursor: unknown;
    for (;;) {
      const rows = await delegate.findMany({
        where: cursor === undefined ? anyCiphertext : { AND: [anyCiphertext, { [model.idField]: { gt: cursor } }] },
        orderBy: { [model.idField]: "asc" },
        take: batchSize,
      });
      for (const row of rows) {
        const data: Row = {};
        for (const field of model.stringFields) {
          const value = row[field];
          if (typeof value !== "string" || !CIPHERTEXT.test(value) || vault.keyIdOf(value) === vault.currentKeyId) continue;
          let plaintext: string;
          try {
            plaintext = vault.decrypt(value);
          } catch {
            report.unreadable++;
            continue;
          }
          data[field] = vault.encrypt(plaintext);
          const key = `${model.name}.${field}`;
          report.reencrypted[key] = (report.reencrypted[key] ?? 0) + 1;
        }
        if (Object.keys(data).length === 0) continue;
        if (model.hasKeyId) data.keyId = vault.currentKeyId;
        await delegate.update({ where: { [model.idField]: row[model.idField] }, data });
      }
      if (rows.length < batchSize) break;
      cursor = rows[rows.length - 1]![model.idField];
    }
  }
  return report;
}
