import * as React from "react";
import { Caption1, Tab, TabList, makeStyles, tokens, type SelectTabData } from "@fluentui/react-components";
import type { TaskpaneHost } from "../state/host";
import { useConsortium } from "../state/useConsortium";
import { DataTab } from "./DataTab";
import { ActivityStatus } from "./ActivityStatus";
import { FileBar } from "./FileBar";
import { OverviewTab } from "./OverviewTab";
import { useReturns } from "../state/useReturns";
import { PeriodPicker } from "./PeriodPicker";
import { PlanTab } from "./PlanTab";
import { ReturnsTab } from "./ReturnsTab";
import { SettingsTab } from "./SettingsTab";
import { StatusMessage } from "./StatusMessage";

type TabId = "overview" | "data" | "plan" | "returns" | "settings";
const TABS: { id: TabId; label: string }[] = [
  { id: "overview", label: "Overview" },
  { id: "data", label: "Data" },
  { id: "plan", label: "Plan" },
  { id: "returns", label: "Returns" },
  { id: "settings", label: "Settings" },
];

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "640px",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  subtitle: { color: tokens.colorNeutralForeground2 },
});

export interface AppProps {
  host: TaskpaneHost;
}

export default function App({ host }: AppProps) {
  const styles = useStyles();
  const model = useConsortium(host);
  // Returns made or previewed stay while the user looks at other tabs.
  const returns = useReturns(host, model);
  const [chosenTab, setChosenTab] = React.useState<TabId | null>(null);
  const { connect } = model;

  React.useEffect(() => {
    void connect();
  }, [connect]);

  // Until the user picks a tab: the overview once there is something to show, else the Data tab to start from.
  const hasProjects = model.hasProjects;
  const tab: TabId = chosenTab ?? (hasProjects ? "overview" : "data");
  const consortiumName = model.settings?.consortium;

  return (
    <main className={styles.main}>
      <header className={styles.header}>
        <h1 className={styles.title}>Consortium Tracker</h1>
        <Caption1 className={styles.subtitle}>
          {[consortiumName, model.mode === "excel" ? null : "Standalone mode"].filter(Boolean).join(" · ") ||
            "Targets, RAG status and quarterly claims"}
        </Caption1>
      </header>
      {model.mode === "standalone" ? (
        <FileBar model={model} />
      ) : (
        <StatusMessage message={model.messages.file} onDismiss={() => model.dismiss("file")} />
      )}
      <ActivityStatus activity={model.activity} hasData={model.data !== null} />
      <PeriodPicker
        years={model.fyOptions}
        period={model.period}
        yearStartMonth={model.settings?.yearStartMonth ?? 4}
        onChange={model.setPeriod}
        disabled={model.busy}
      />
      <TabList
        selectedValue={tab}
        onTabSelect={(_, data: SelectTabData) => setChosenTab(data.value as TabId)}
        aria-label="Sections"
      >
        {TABS.map(({ id, label }) => (
          <Tab key={id} id={`tab-${id}`} value={id} aria-controls={`panel-${id}`}>
            {label}
          </Tab>
        ))}
      </TabList>
      {/* Acting in a tab keeps it open, even when what the action loads would otherwise switch the default tab. */}
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} onClickCapture={() => setChosenTab(tab)}>
        {tab === "overview" && <OverviewTab model={model} />}
        {tab === "data" && <DataTab model={model} />}
        {tab === "plan" && <PlanTab model={model} />}
        {tab === "returns" && <ReturnsTab model={model} returns={returns} />}
        {tab === "settings" && <SettingsTab model={model} />}
      </div>
    </main>
  );
}
