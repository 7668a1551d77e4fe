// Types for scripts/check-api.js (used by its tests).
export interface ApiUse {
  where: string;
  guard: string | null;
  ok: boolean;
  write: boolean;
}

export interface ApiMember {
  member: string;
  requirement: string | null;
  tag: string;
  uses: ApiUse[];
}

export interface ApiViolation {
  member: string;
  where: string;
  requirement: string;
  guard: string | null;
}

export interface ApiCheck {
  declared: string;
  members: ApiMember[];
  violations: ApiViolation[];
}

export function checkApi(options?: { root?: string; declared?: string; files?: string[] }): ApiCheck;
export function declaredExcelApi(root?: string): string;
export function compareVersions(a: string, b: string): number;
export function parseTag(
  tag: string | null,
): { base?: string; read?: string; write?: string; text?: string; other?: string } | null;
