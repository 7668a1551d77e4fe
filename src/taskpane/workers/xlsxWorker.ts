// The pane's Web Worker: the workbook sessions (workbookSessions.ts) answering the pane's messages (Comlink), so
// that parsing, the core and writing files never run on the pane's main thread.
import * as Comlink from "comlink";
import { workbookSessions } from "./workbookSessions";

Comlink.expose(workbookSessions);
