import { makeStyles, tokens } from "@fluentui/react-components";
import {
  CircleFilled,
  CircleRegular,
  DiamondRegular,
  SquareFilled,
  TriangleFilled,
  type FluentIcon,
} from "@fluentui/react-icons";
import type { ProjectRag } from "../../core/model";
import { RAG_STYLE } from "../../core/sheets/spec";
import { ragWord } from "../../core/words";

// The same shapes as the summary sheets' symbols (● ▲ ■ ○ ◇), so a colour-blind reader has word and shape.
const ICONS: Record<ProjectRag, FluentIcon> = {
  Green: CircleFilled,
  Amber: TriangleFilled,
  Red: SquareFilled,
  NotDue: CircleRegular,
  Awaiting: DiamondRegular,
};

const useStyles = makeStyles({
  badge: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    paddingInline: tokens.spacingHorizontalS,
    paddingBlock: "1px",
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
  },
});

/** A RAG status as word + shape + colour: never colour alone. `word` replaces the RAG's own (e.g. "Late" on Amber). */
export function RagBadge({ rag, word }: { rag: ProjectRag; word?: string }) {
  const styles = useStyles();
  const { fill, fontColor } = RAG_STYLE[rag];
  const label = word ?? ragWord(rag);
  const Icon = ICONS[rag];
  return (
    <span className={styles.badge} style={{ backgroundColor: fill, color: fontColor }} data-rag={rag}>
      <Icon aria-hidden="true" />
      {label}
    </span>
  );
}
