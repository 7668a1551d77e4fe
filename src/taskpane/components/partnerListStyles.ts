// The look of a list of partners with a status each (the returns tracker, review and lock): one row per partner,
// its name in semibold, details on a line of their own.
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePartnerListStyles = makeStyles({
  rows: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: "2px" },
  partner: { fontWeight: tokens.fontWeightSemibold },
  detail: { flexBasis: "100%", color: tokens.colorNeutralForeground2 },
});
