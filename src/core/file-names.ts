/**
 * A name made safe to stand in a downloaded file's name (`Content-Disposition`): ASCII letters,
 * digits and dashes only, accents taken off, at most 60 characters; "person" when nothing is left.
 */
export function fileSlug(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return ascii || "person";
}
