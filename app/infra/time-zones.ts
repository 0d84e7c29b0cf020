// Time zones: the IANA names this runtime knows (Intl.supportedValuesOf), for the
// business-hours picker and for refusing names like "Mars/Olympus" on save.
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  if (zone === "UTC") return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}

export function supportedTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}
