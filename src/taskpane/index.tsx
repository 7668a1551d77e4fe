// Starts the task pane: inside Excel on the open workbook, anywhere else in standalone mode (.xlsx files).
// This file and state/host.ts are the only places that look at Office.js; the rest talks to a WorkbookPort.
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import App from "./components/App";
import { excelHost, standaloneHost, type TaskpaneHost } from "./state/host";

/** Dark when Office's body background is dark; outside Office, the browser's colour scheme. */
function themeFor(inOffice: boolean): Theme {
  if (inOffice) {
    const background = Office.context?.officeTheme?.bodyBackgroundColor;
    const match = background ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(background) : null;
    if (match) {
      const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16) / 255);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? webDarkTheme : webLightTheme;
    }
    return webLightTheme;
  }
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? webDarkTheme : webLightTheme;
}

function render(host: TaskpaneHost, theme: Theme) {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <App host={host} />
    </FluentProvider>,
  );
}

// Outside Office the CDN script is missing (offline) or loads and reports no host.
if (typeof Office === "undefined") {
  render(standaloneHost(), themeFor(false));
} else {
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) render(excelHost(), themeFor(true));
    else render(standaloneHost(), themeFor(false));
  });
}
