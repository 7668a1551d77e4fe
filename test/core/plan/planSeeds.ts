// The plan tables the project ships (assets/plans), read as a user would paste them.
import { readFileSync } from "fs";
import * as path from "path";

export function planText(name: string): string {
  return readFileSync(path.join(__dirname, "../../../assets/plans", name), "utf8");
}

export const OXFORDSHIRE_PLAN = "oxfordshire-business-plan-2008-11.txt";
export const WORCESTERSHIRE_STRATEGY = "worcestershire-strategy-2006-16.txt";
export const OXFORDSHIRE_VCS_STRATEGY = "oxfordshire-vcs-strategy-2022-27.txt";
