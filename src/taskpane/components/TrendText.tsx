import { makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownRightFilled, ArrowRightFilled, ArrowUpRightFilled, SubtractFilled } from "@fluentui/react-icons";
import type { Trend } from "../../core/reportTypes";
import { changeWords, trendWord } from "../state/wording";

const useStyles = makeStyles({
  trend: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
});

/** "↗ Up" with the change spelled out for screen readers and on hover. */
export function TrendText({ trend, change }: { trend: Trend | null; change: number | null }) {
  const styles = useStyles();
  const Icon =
    trend === "up"
      ? ArrowUpRightFilled
      : trend === "down"
        ? ArrowDownRightFilled
        : trend
          ? ArrowRightFilled
          : SubtractFilled;
  return (
    <span className={styles.trend} title={changeWords(change)}>
      <Icon aria-hidden="true" />
      {trendWord(trend)}
    </span>
  );
}
