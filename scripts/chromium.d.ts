import type { Browser, BrowserContext } from "playwright-core";

export function launchChromium(): Promise<Browser>;
export function localOnly(context: BrowserContext, refused?: (host: string) => void): Promise<void>;
