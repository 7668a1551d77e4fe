import * as React from "react";
import { Button, Caption1, Field, Input, Text } from "@fluentui/react-components";
import { periodLabel } from "../../core/periods";
import { statusText, type PartnerStatus, type StatusRequest } from "../../core/returns/status";
import type { ConsortiumModel } from "../state/useConsortium";
import type { ReturnsModel } from "../state/useReturns";
import { usePartnerListStyles } from "./partnerListStyles";
import { Section } from "./Section";
import { StatusMessage } from "./StatusMessage";

/** What can be decided about a return in its state: accept or send back what came in; reopen what was accepted. */
function actionsFor(status: PartnerStatus): { action: StatusRequest["action"]; label: string; needsReason: boolean }[] {
  if (status.state === "Received") {
    return [
      { action: "Accepted", label: "Accept", needsReason: false },
      { action: "Returned for revision", label: "Send back", needsReason: true },
    ];
  }
  if (status.state === "Accepted") return [{ action: "Reopened", label: "Reopen", needsReason: true }];
  return [];
}

/** Review and lock: each partner's status for the period, and the decisions a finance officer makes on it. */
export function ReturnsReview({ model, returns }: { model: ConsortiumModel; returns: ReturnsModel }) {
  const styles = usePartnerListStyles();
  const [reason, setReason] = React.useState("");
  const { period } = model;
  if (!period || returns.statuses.length === 0) return null;
  const label = periodLabel(period);
  return (
    <Section
      id="returns-review"
      title={`Review and lock, ${label}`}
      intro="Accepting a partner's figures locks them for the quarter: a later return is refused until the quarter is reopened with a reason. Every decision is kept on the Returns status and Audit sheets."
    >
      <Field label="Reason for sending back or reopening">
        <Input value={reason} onChange={(_, data) => setReason(data.value)} />
      </Field>
      <ul className={styles.rows} aria-label={`Review of returns for ${label}`}>
        {returns.statuses.map((status) => (
          <li key={status.partner} className={styles.row}>
            <span className={styles.partner}>{status.partner}</span>
            <Text>{status.state}</Text>
            {actionsFor(status).map(({ action, label: word, needsReason }) => (
              <Button
                key={action}
                size="small"
                aria-label={`${word} ${status.partner}`}
                disabledFocusable={model.busy || (needsReason && reason.trim() === "")}
                onClick={() => void returns.review(status.partner, action, reason)}
              >
                {word}
              </Button>
            ))}
            <Caption1 className={styles.detail}>{statusText(status)}</Caption1>
          </li>
        ))}
      </ul>
      <StatusMessage message={model.messages.reviewReturns} onDismiss={() => model.dismiss("reviewReturns")} />
    </Section>
  );
}
