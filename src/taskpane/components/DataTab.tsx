import type { ConsortiumModel } from "../state/useConsortium";
import { CheckSection } from "./CheckSection";
import { ClaimSection } from "./ClaimSection";
import { StartSection } from "./StartSection";
import { SummarySection } from "./SummarySection";

/** The quarter's work: start a workbook, check it, write the summary sheets, submit the claim. */
export function DataTab({ model }: { model: ConsortiumModel }) {
  return (
    <>
      <StartSection model={model} />
      <CheckSection model={model} />
      <SummarySection model={model} />
      <ClaimSection model={model} />
    </>
  );
}
