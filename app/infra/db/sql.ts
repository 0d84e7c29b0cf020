// What every table owner (the one module that reads and writes a table; see
// scripts/check-table-owners.ts) shares: the client type its functions accept, and
// the building blocks of the set-based SQL the compliance paths run.
//
// Why some owner functions are SQL and not Prisma's query builder: each builder
// operation costs about 2 ms of CPU (query compilation in the client engine), which
// made a customer redaction 3–4× slower than the statements themselves
// (bench/redact.ts). The SQL is parameterised through Prisma.sql and uses only syntax
// SQLite and PostgreSQL share. A query is always passed whole to $queryRaw or
// $executeRaw as one Prisma.sql object (fragments are composed with this module's
// Prisma.sql before that): the PostgreSQL client is generated separately and does not
// recognise this client's Sql fragments nested inside its own template.
import { Prisma } from "@prisma/client";
import type { Database } from "./create-database.server";

/** A client or an interactive transaction: every owner function accepts either. */
export type DbClient = Prisma.TransactionClient;

/** A write not yet sent: the caller awaits it, or batches several in one db.$transaction([...]). */
export type PendingWrite<T = unknown> = Prisma.PrismaPromise<T>;

export type { Database };

export type Sql = Prisma.Sql;

/** Keeps every statement far below SQLite's and PostgreSQL's bound-parameter limits. */
export const IN_CHUNK = 500;

export function chunks<T>(items: T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const column = (name: string) => Prisma.raw(`"${name}"`);

/** `"name" = value`, or nothing when there is no value to match. */
export const equals = (name: string, value: string | undefined): Sql[] => (value ? [Prisma.sql`${column(name)} = ${value}`] : []);

/** `"name" IN (…)` per chunk of values (none for an empty list). */
export const within = (name: string, values: string[]): Sql[] =>
  chunks(values).map((part) => Prisma.sql`${column(name)} IN (${Prisma.join(part)})`);

/** "(a OR b …)", or a condition no row meets when there is nothing to match. */
export function anyOf(conditions: Sql[]): Sql {
  return conditions.length ? Prisma.sql`(${Prisma.join(conditions, " OR ")})` : Prisma.sql`(1 = 0)`;
}

/** `"name" IN (ids)` for one chunk of ids (at most IN_CHUNK). */
export const inList = (name: string, ids: string[]) => Prisma.sql`${column(name)} IN (${Prisma.join(ids)})`;
