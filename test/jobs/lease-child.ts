// A job worker in a process of its own, for test/jobs/job-leases.test.ts: it claims
// due jobs with a short lease; its "test.hang" handler says so on stdout and never
// finishes, so the test can kill the process (SIGKILL) in the middle of a job.
import { createDatabase } from "../../app/infra/db/create-database.server";
import { createVault } from "../../app/infra/crypto/crypto.server";
import { systemClock } from "../../app/infra/clock";
import { runDueJobs } from "../../app/infra/jobs/queue.server";

const db = createDatabase(process.env.DATABASE_URL!);
const vault = createVault([{ id: "k1", key: process.env.CHILD_KEY! }], process.env.CHILD_HASH_KEY!);
const leaseMs = Number(process.env.LEASE_MS);

await runDueJobs({
  db,
  vault,
  clock: systemClock,
  leaseMs,
  handlers: {
    "test.hang": async (_payload, ctx) => {
      process.stdout.write(`started ${ctx.job.id}\n`);
      // Like the server's listening socket, this keeps the process alive until it is killed.
      setInterval(() => undefined, 60_000);
      await new Promise(() => undefined);
    },
  },
});
