import type { ConsortiumModel } from "../state/useConsortium";
import type { ReturnsModel } from "../state/useReturns";
import { ReturnsCreate } from "./ReturnsCreate";
import { ReturnsImport } from "./ReturnsImport";
import { ReturnsReview } from "./ReturnsReview";
import { ReturnsTracker } from "./ReturnsTracker";

/** Partner returns for the chosen period: send them out, bring them in, see who is missing. */
export function ReturnsTab({ model, returns }: { model: ConsortiumModel; returns: ReturnsModel }) {
  return (
    <>
      <ReturnsCreate model={model} returns={returns} />
      <ReturnsImport model={model} returns={returns} />
      <ReturnsTracker model={model} returns={returns} />
      <ReturnsReview model={model} returns={returns} />
    </>
  );
}
