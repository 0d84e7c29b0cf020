import { describe, expect, it } from "vitest";
import { createShopperAdmission, releaseWhenDone } from "./admission.server";

describe("shopper admission", () => {
  it("caps requests in flight per client address and frees a slot on release (once)", () => {
    const admission = createShopperAdmission({ perClient: 2 });
    const a = admission.enterClient("203.0.113.1")!;
    const b = admission.enterClient("203.0.113.1")!;
    expect(admission.enterClient("203.0.113.1")).toBeNull();
    expect(admission.enterClient("203.0.113.2")).not.toBeNull();
    a();
    a();
    expect(admission.inFlight("203.0.113.1")).toBe(1);
    expect(admission.enterClient("203.0.113.1")).not.toBeNull();
    b();
  });

  it("allows one turn per conversation at a time", () => {
    const admission = createShopperAdmission({ perClient: 10 });
    const release = admission.enterTurn("shop:conv:token")!;
    expect(admission.enterTurn("shop:conv:token")).toBeNull();
    expect(admission.enterTurn("shop:conv:other-token")).not.toBeNull();
    release();
    expect(admission.enterTurn("shop:conv:token")).not.toBeNull();
  });

  it("holds a stream's slot until the stream ends or is cancelled; a JSON answer frees it at once", async () => {
    let released = 0;
    const json = releaseWhenDone(new Response("{}", { headers: { "content-type": "application/json" } }), () => released++);
    expect(released).toBe(1);
    expect(await json.text()).toBe("{}");

    const sse = () =>
      new Response(new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("data: 1\n\n")), c.close()) }), {
        headers: { "content-type": "text/event-stream" },
      });
    const read = releaseWhenDone(sse(), () => released++);
    expect(released).toBe(1);
    expect(await read.text()).toBe("data: 1\n\n");
    expect(released).toBe(2);
    const cancelled = releaseWhenDone(
      new Response(new ReadableStream({}), { headers: { "content-type": "text/event-stream" } }),
      () => released++,
    );
    await cancelled.body!.cancel();
    expect(released).toBe(3);
  });
});
