/** Up to two initials of a name, as an avatar shows them: "Ada Lovelace" → "AL", "Plato" → "PL". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  if (words.length === 1) return [...(words[0] ?? "")].slice(0, 2).join("").toUpperCase();
  return words
    .slice(0, 2)
    .map((word) => [...word][0] ?? "")
    .join("")
    .toUpperCase();
}
