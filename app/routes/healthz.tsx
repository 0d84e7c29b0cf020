// Liveness probe and the baseline route for benchmarks: no auth, no database.
export const loader = () =>
  new Response(JSON.stringify({ ok: true }), {
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
