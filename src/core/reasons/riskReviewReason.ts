// Why a risk needs review, for the risk register: what was written for its impact and probability and what the
// reader made of it, e.g. "Impact 'medium to high' is a range: the higher value is used".
import type { Rating, Risk } from "../model";

/** Long free text is quoted by its start: the full text is on the Risks sheet and in the rating's note. */
const QUOTED_LENGTH = 40;

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `'${flat.length > QUOTED_LENGTH ? `${flat.slice(0, QUOTED_LENGTH - 1).trimEnd()}…` : flat}'`;
}

function ratingReason(label: string, rating: Rating): string | null {
  if (rating.reviewReason) return `${label} ${quoted(rating.text)} ${rating.reviewReason}`;
  if (rating.value === null) {
    return rating.text.trim() === "" ? `${label}: no rating` : `${label} ${quoted(rating.text)} could not be read`;
  }
  if (rating.needsReview) return `${label} ${quoted(rating.text)} needs review`;
  return null;
}

/** The reasons, joined with "; "; null when both ratings were read plainly. */
export function riskReviewReason(risk: Pick<Risk, "impact" | "probability">): string | null {
  const reasons = [ratingReason("Impact", risk.impact), ratingReason("Probability", risk.probability)].filter(
    (reason): reason is string => reason !== null,
  );
  return reasons.length > 0 ? reasons.join("; ") : null;
}
