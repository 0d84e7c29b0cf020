// Downloads a file from one of our resource routes. A plain link would carry no
// session token inside the admin iframe, so we POST with fetch (App Bridge adds the
// Authorization header) and save the answer as a file. POST, because every export
// is an audited action, not a harmless read.
import type { MessageKey } from "./i18n/messages/en";

/** The merchant's words for a failed download's error code (download routes answer `{ error: { code } }`). */
export function downloadProblemKey(code: string): MessageKey {
  switch (code) {
    case "SHOP_PAUSED":
      return "download.shopPaused";
    case "DATA_REQUEST_NOT_FOUND":
      return "download.notFound";
    case "DATA_REQUEST_EXPIRED":
      return "download.expired";
    case "DATA_REQUEST_NOT_READY":
      return "download.notReady";
    default:
      return "download.failed";
  }
}

/** Downloads a file an action answers; null when done, else the error code of the answer. */
export async function downloadFromAction(url: string, body: Record<string, string>, fallbackName: string): Promise<string | null> {
  const response = await fetch(url, { method: "POST", body: new URLSearchParams(body) });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    return problem?.error?.code ?? "DOWNLOAD_FAILED";
  }
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return null;
}
