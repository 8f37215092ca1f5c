// Dates as pages and front matter write them → ISO (YYYY-MM-DD).

/** An ISO date from ISO timestamps, 2024年5月4日, 2024/5/4, RFC 2822 (Tue, 14 May 2024 02:00:00 GMT)…; undefined if none. */
export function isoDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(s);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  if (!/[a-z]{3}/i.test(s)) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}
