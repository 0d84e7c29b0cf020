/** PostgreSQL when the URL says so; anything else is a SQLite (libSQL) file URL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
