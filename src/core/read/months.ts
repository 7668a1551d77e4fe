// Month names as partners write them: "Jul", "July", "Sept".
const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** 1-12 for a month name or its abbreviation (at least three letters, "sept" too); null otherwise. */
export function monthFromName(text: string): number | null {
  const word = text.toLowerCase().replace(/[^a-z]/g, "");
  if (word.length < 3) return null;
  if (word === "sept") return 9;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(word));
  return index === -1 ? null : index + 1;
}
