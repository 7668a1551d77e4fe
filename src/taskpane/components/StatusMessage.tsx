import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Message } from "../state/paneState";

const useStyles = makeStyles({
  lines: { margin: 0, paddingInlineStart: "1.2em" },
  single: { margin: 0 },
});

/** The outcome of an action: a title and, when there is more to say, one line per item. */
export function StatusMessage({ message, onDismiss }: { message: Message | undefined; onDismiss?: () => void }) {
  const styles = useStyles();
  if (!message) return null;
  const { intent, title, lines } = message;
  return (
    <MessageBar intent={intent} layout="multiline" politeness={intent === "error" ? "assertive" : "polite"}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {lines.length === 1 && <p className={styles.single}>{lines[0]}</p>}
        {lines.length > 1 && (
          <ul className={styles.lines}>
            {lines.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {(onDismiss || message.retry) && (
        <MessageBarActions
          containerAction={
            onDismiss && (
              <Button
                appearance="transparent"
                aria-label="Dismiss message"
                icon={<DismissRegular />}
                onClick={onDismiss}
              />
            )
          }
        >
          {message.retry && <Button onClick={message.retry}>Retry</Button>}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
