import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { LockClosedRegular } from "@fluentui/react-icons";
import { periodLabel } from "../../core/periods";
import type { ConsortiumModel } from "../state/useConsortium";
import { ConfirmDialog } from "./ConfirmDialog";
import { ButtonRow, Section } from "./Section";
import { StatusMessage } from "./StatusMessage";

/** Protects the period's claim sheet and stamps it as submitted, after a confirmation. */
export function ClaimSection({ model }: { model: ConsortiumModel }) {
  const [confirming, setConfirming] = React.useState(false);
  const { sheet, submitted } = model.claim;
  const period = model.period ? periodLabel(model.period) : "";
  const status = !sheet
    ? `There is no claim sheet for ${period} yet: update the summary sheets first.`
    : submitted
      ? `${sheet} is marked as submitted. Nothing will overwrite it.`
      : `${sheet} is ready. Once it has gone to the funder, mark it as submitted so that it is never overwritten.`;
  const underspend = model.view?.underspend ?? [];
  const reportPeriod = model.view?.overview?.period ?? null;
  return (
    <Section id="claim" title="Claim">
      <Text>{status}</Text>
      {underspend.length > 0 && (
        <StatusMessage
          message={{
            intent: "warning",
            title: `Underspend by year end (${reportPeriod ? periodLabel(reportPeriod) : period})`,
            lines: underspend,
          }}
        />
      )}
      <ButtonRow>
        <Button
          icon={<LockClosedRegular />}
          onClick={() => setConfirming(true)}
          disabledFocusable={model.busy || !sheet || submitted}
        >
          Mark claim as submitted
        </Button>
      </ButtonRow>
      <StatusMessage message={model.messages.claim} onDismiss={() => model.dismiss("claim")} />
      <ConfirmDialog
        open={confirming}
        title={`Mark ${sheet ?? "the claim"} as submitted?`}
        confirmLabel="Mark as submitted"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void model.markClaimSubmitted();
        }}
      >
        The sheet will be protected and stamped with today&apos;s date. Later updates never overwrite a submitted claim,
        so check its figures first.
      </ConfirmDialog>
    </Section>
  );
}
