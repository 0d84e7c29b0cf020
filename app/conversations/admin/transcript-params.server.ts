// The transcript page's route parameters, checked on the server (zod stays out of the
// page's browser bundle: the route module imports only this .server file for it).
import { z } from "zod";

export const transcriptParamsSchema = z.object({ id: z.string().min(1).max(100) });
