import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-database";
import { SHOP } from "../../../test/support/admin-fixtures";
import { resolveStaff } from "./staff.server";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

describe("resolveStaff", () => {
  it("takes the user from an online session", async () => {
    const staff = await resolveStaff(t.db, {
      session: { shop: SHOP, onlineAccessInfo: { associated_user: { id: 42, first_name: "Ada", last_name: "L", account_owner: true } } },
    });
    expect(staff).toEqual({ id: "42", name: "Ada L", isOwner: true });
  });

  it("takes the id from the session token and ownership from a stored online session of that user, else unknown", async () => {
    const offline = { session: { shop: SHOP }, sessionToken: { sub: "77" } };
    expect(await resolveStaff(t.db, offline)).toEqual({ id: "77", name: null, isOwner: null });
    await t.db.session.create({
      data: { id: "online_1", shop: SHOP, state: "s", isOnline: true, accessToken: "x", userId: 77n, firstName: "Bo", accountOwner: false },
    });
    await t.db.session.create({
      data: { id: "online_2", shop: "other.myshopify.com", state: "s", isOnline: true, accessToken: "x", userId: 78n, accountOwner: true },
    });
    expect(await resolveStaff(t.db, offline)).toEqual({ id: "77", name: "Bo", isOwner: false });
    expect(await resolveStaff(t.db, { session: { shop: SHOP }, sessionToken: { sub: "78" } })).toMatchObject({ isOwner: null });
    expect(await resolveStaff(t.db, { session: { shop: SHOP } })).toEqual({ id: "unknown", name: null, isOwner: null });
  });
});
