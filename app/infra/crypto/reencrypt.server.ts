// Key rotation, one table at a time: re-encrypts every stored ciphertext of a table
// whose key id is not the current key. Each table's owner module calls this with its
// own Prisma delegate (reencryptMessages, reencryptLeads, …); the rotation itself
// (app/privacy/key-rotation/rotate-keys.server.ts) calls every owner.
// The columns come from the data model: every String column whose value is one of our
// ciphertexts ("v1.<keyId>.…"), so Session tokens and any future *Enc column are included.
import { Prisma } from "@prisma/client";
import type { Vault } from "./crypto.server";

const CIPHERTEXT = /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

type Row = Record<string, unknown>;

export interface RotationReport {
  /** re-encrypted values per "Model.column" */
  reencrypted: Record<string, number>;
  /** ciphertexts no listed key could open (they stay as they are) */
  unreadable: number;
}

/** What an owner's re-encrypt function looks like. */
export type Reencrypt = (db: Prisma.TransactionClient, vault: Vault, report: RotationReport, batchSize: number) => Promise<void>;

/** The part of a Prisma model delegate the rotation uses. */
export interface ReencryptDelegate {
  findMany(args: never): Promise<unknown[]>;
  update(args: never): Promise<unknown>;
}

interface LooseDelegate {
  findMany(args: object): Promise<Row[]>;
  update(args: { where: Row; data: Row }): Promise<unknown>;
}

function modelShape(name: Prisma.ModelName) {
  const model = Prisma.dmmf.datamodel.models.find((m) => m.name === name);
  if (!model) throw new Error(`no model ${name} in the data model`);
  const scalars = model.fields.filter((f) => f.kind === "scalar");
  return {
    // By the schema's convention the first column is the primary key.
    idField: scalars[0]!.name,
    stringFields: scalars.filter((f) => f.type === "String").map((f) => f.name),
    hasKeyId: scalars.some((f) => f.name === "keyId"),
  };
}

/** Re-encrypts one table in batches of `batchSize` rows (keyset pagination on the primary key). */
export async function reencryptTable(
  name: Prisma.ModelName,
  delegate: ReencryptDelegate,
  vault: Vault,
  report: RotationReport,
  batchSize: number,
): Promise<void> {
  const model = modelShape(name);
  const table = delegate as unknown as LooseDelegate;
  const anyCiphertext = { OR: model.stringFields.map((f) => ({ [f]: { startsWith: "v1." } })) };
  let cursor: unknown;
  for (;;) {
    const rows = await table.findMany({
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
        const key = `${name}.${field}`;
        report.reencrypted[key] = (report.reencrypted[key] ?? 0) + 1;
      }
      if (Object.keys(data).length === 0) continue;
      if (model.hasKeyId) data.keyId = vault.currentKeyId;
      await table.update({ where: { [model.idField]: row[model.idField] }, data });
    }
    if (rows.length < batchSize) break;
    cursor = rows[rows.length - 1]![model.idField];
  }
}
