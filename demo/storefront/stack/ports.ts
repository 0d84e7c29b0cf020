// Port choice for the demo: the preferred port when it is free, any free port
// otherwise (so a second demo or a busy 3000 does not stop the first start).
import { createServer } from "node:net";

function tryListen(port: number, host: string): Promise<number | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(null));
    probe.listen(port, host, () => {
      const address = probe.address();
      const chosen = typeof address === "object" && address ? address.port : null;
      probe.close(() => resolve(chosen));
    });
  });
}

export async function choosePort(preferred: number, host = "127.0.0.1"): Promise<number> {
  if (preferred > 0) {
    const port = await tryListen(preferred, host);
    if (port !== null) return port;
  }
  const any = await tryListen(0, host);
  if (any === null) throw new Error("no free port on the loopback interface");
  return any;
}

/** A port from the environment variable `name`, or the default; "0" means any free port. */
export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}
