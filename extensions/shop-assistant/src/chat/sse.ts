// Parses a text/event-stream body as it arrives: `event:` and `data:` lines, blank line
// ends an event, `:` lines are comments (the server's heartbeat `: ping`).

export interface SseEvent {
  event: string;
  data: string;
}

/** Returns a feed function; call it with each decoded chunk, and with `end = true` at the end. */
export function createSseParser(onEvent: (event: SseEvent) => void): (chunk: string, end?: boolean) => void {
  let pending = "";
  let event = "";
  let data: string[] = [];

  function line(raw: string): void {
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (!text) {
      if (data.length) onEvent({ event: event || "message", data: data.join("\n") });
      event = "";
      data = [];
      return;
    }
    if (text[0] === ":") return;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value[0] === " ") value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }

  return (chunk, end = false) => {
    const lines = (pending + chunk).split("\n");
    pending = end ? "" : (lines.pop() as string);
    lines.forEach(line);
    if (end) line("");
  };
}
