// Runs the OpenAI-compatible fake on its own: `tsx demo/openai-fake/main.ts [port]`.
// Point the app at it with OPENAI_BASE_URL=<printed url> OPENAI_API_KEY=demo.
import { startOpenAiFake } from "./server";

const port = Number(process.argv[2] ?? process.env.OPENAI_FAKE_PORT ?? 0);
const fake = await startOpenAiFake({ port });
console.log(`OpenAI-compatible fake (demo brain) listening: OPENAI_BASE_URL=${fake.baseUrl}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
