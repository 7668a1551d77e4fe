#!/usr/bin/env node
// Which Excel JavaScript API members the Office.js adapter uses, and whether each is within the ExcelApi set the
// manifest declares or else guarded at run time.
//
// The TypeScript compiler resolves every property access, method call and object-literal property in
// src/excel/**/*.ts; those whose declaration lives in the Excel namespace of @types/office-js are looked up in a
// table built from that file's "[Api set: ExcelApi 1.x]" tags. A member newer than DECLARED_EXCEL_API
// (src/excel/requirements.ts) must sit lexically under a guard of at least its version:
//   if (supportsExcelApi("1.9", ...)) { ...use... }         (also inside `a && supportsExcelApi(...)`)
//   if (!supportsExcelApi("1.9", ...)) return;  ...use...   (the rest of the block)
//   supportsExcelApi("1.9") ? use : other,  supportsExcelApi("1.9") && use
// (Office.context.requirements.isSetSupported("ExcelApi", "1.9") counts as a guard too.)
// Prints the table; exits 1 when a member is used unguarded above the declared set.
//
//   node scripts/check-api.js                  check src/excel
//   node scripts/check-api.js --declared 1.4 file.ts ...   check the given files
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const repoRoot = path.resolve(__dirname, "..");
const GUARD_FUNCTION = "supportsExcelApi";

function compareVersions(a, b) {
  const [aMajor, aMinor] = a.split(".").map(Number);
  const [bMajor, bMinor] = b.split(".").map(Number);
  return aMajor !== bMajor ? aMajor - bMajor : (aMinor || 0) - (bMinor || 0);
}

/** DECLARED_EXCEL_API from src/excel/requirements.ts (the one place the add-in states it). */
function declaredExcelApi(root = repoRoot) {
  const text = fs.readFileSync(path.join(root, "src", "excel", "requirements.ts"), "utf8");
  const match = /export const DECLARED_EXCEL_API\s*=\s*"(\d+\.\d+)"/.exec(text);
  if (!match) throw new Error("src/excel/requirements.ts does not export DECLARED_EXCEL_API");
  return match[1];
}

function listTs(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listTs(full));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) found.push(full);
  }
  return found.sort();
}

/**
 * The "[Api set: ...]" remark of a declaration, e.g. "ExcelApi 1.1 for reading visibility; 1.2 for setting it."
 * (@param lines carry their own per-argument tags and are skipped).
 */
function apiSetTag(node, sourceText) {
  const ranges = ts.getLeadingCommentRanges(sourceText, node.getFullStart()) || [];
  for (const range of ranges.reverse()) {
    const comment = sourceText.slice(range.pos, range.end);
    for (const line of comment.split("\n")) {
      if (/@param/.test(line)) continue;
      const match = /\[Api set: ([^\]]+)\]/.exec(line);
      if (match) return match[1].trim();
    }
  }
  return null;
}

/** { base, read, write, other } versions from a tag; `other` names a set that is not a numbered ExcelApi. */
function parseTag(tag) {
  if (!tag) return null;
  if (!/^ExcelApi \d/.test(tag)) return { other: tag };
  const parts = [...tag.matchAll(/(?:ExcelApi )?(\d+\.\d+)([^;,\]]*)/g)].map((m) => ({ version: m[1], note: m[2] }));
  const versions = parts.map((p) => p.version).sort(compareVersions);
  const pick = (re) => parts.find((p) => re.test(p.note))?.version;
  return { base: versions[0], read: pick(/\b(get|read)/i), write: pick(/\bset/i), text: tag };
}

/** Member → tag for every class and interface member of `declare namespace Excel` (not Excel.Interfaces). */
function memberTable(declarationFile) {
  const table = new Map();
  const text = declarationFile.text;
  const visit = (node, inExcel) => {
    if (ts.isModuleDeclaration(node)) {
      const name = node.name.text;
      const top = node.parent === declarationFile;
      if (top && name === "Excel" && node.body && ts.isModuleBlock(node.body)) {
        node.body.statements.forEach((statement) => visit(statement, true));
      }
      return;
    }
    if (!inExcel) return;
    if (ts.isFunctionDeclaration(node) && node.name) {
      table.set(`Excel.${node.name.text}`, parseTag(apiSetTag(node, text)));
    }
    if ((ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) && node.name) {
      const owner = node.name.text;
      const ownerTag = parseTag(apiSetTag(node, text));
      for (const member of node.members) {
        if (!member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
        const key = `${owner}.${member.name.text}`;
        const tag = parseTag(apiSetTag(member, text)) || ownerTag;
        // Overloads share a name: keep the lowest requirement of the first tagged one.
        if (!table.has(key) || !table.get(key)) table.set(key, tag);
      }
    }
  };
  declarationFile.statements.forEach((statement) => visit(statement, false));
  return table;
}

/** "Worksheet.freezePanes" for a declaration inside namespace Excel of office-js, else null. */
function excelMemberKey(declaration, officeFile) {
  if (declaration.getSourceFile() !== officeFile) return null;
  let owner = null;
  let namespaces = [];
  for (let node = declaration.parent; node; node = node.parent) {
    if (!owner && (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) && node.name) owner = node.name.text;
    if (ts.isModuleDeclaration(node)) namespaces.unshift(node.name.text);
  }
  if (namespaces.join(".") !== "Excel") return null;
  const name =
    declaration.name && (ts.isIdentifier(declaration.name) || ts.isStringLiteral(declaration.name))
      ? declaration.name.text
      : null;
  if (!name) return null;
  if (ts.isFunctionDeclaration(declaration)) return `Excel.${name}`;
  return owner ? `${owner}.${name}` : null;
}

/** The version a guard expression proves, or null: supportsExcelApi("1.9", ...) / isSetSupported("ExcelApi", "1.9"). */
function guardVersion(expression) {
  if (!ts.isCallExpression(expression)) return null;
  const callee = expression.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
  const [first, second] = expression.arguments;
  if (name === GUARD_FUNCTION && first && ts.isStringLiteralLike(first)) return first.text;
  if (name === "isSetSupported" && first && second && ts.isStringLiteralLike(first) && first.text === "ExcelApi") {
    return ts.isStringLiteralLike(second) ? second.text : null;
  }
  return null;
}

function unwrap(expression) {
  while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
  return expression;
}

function maxVersion(versions) {
  const known = versions.filter(Boolean);
  return known.length ? known.sort(compareVersions)[known.length - 1] : null;
}

/** The highest version `condition` being true proves: a guard, or a guard in an && chain. */
function provedWhenTrue(condition) {
  condition = unwrap(condition);
  if (ts.isBinaryExpression(condition) && condition.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return maxVersion([provedWhenTrue(condition.left), provedWhenTrue(condition.right)]);
  }
  return guardVersion(condition);
}

/** The highest version `condition` being false proves: !guard, or !guard in an || chain. */
function provedWhenFalse(condition) {
  condition = unwrap(condition);
  if (ts.isPrefixUnaryExpression(condition) && condition.operator === ts.SyntaxKind.ExclamationToken) {
    return provedWhenTrue(condition.operand);
  }
  if (ts.isBinaryExpression(condition) && condition.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
    return maxVersion([provedWhenFalse(condition.left), provedWhenFalse(condition.right)]);
  }
  return null;
}

/** A statement that never falls through: return, throw, or a block ending in one. */
function exits(statement) {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) return statement.statements.length > 0 && exits(statement.statements.at(-1));
  return false;
}

function within(node, container) {
  return container && node.pos >= container.pos && node.end <= container.end;
}

/** The highest ExcelApi version the lexical context of `node` guarantees. */
function guardedVersion(node) {
  const proofs = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (within(child, parent.thenStatement) && child !== parent.expression)
        proofs.push(provedWhenTrue(parent.expression));
      if (parent.elseStatement && within(child, parent.elseStatement)) proofs.push(provedWhenFalse(parent.expression));
    }
    if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue) proofs.push(provedWhenTrue(parent.condition));
      if (child === parent.whenFalse) proofs.push(provedWhenFalse(parent.condition));
    }
    if (ts.isBinaryExpression(parent) && child === parent.right) {
      if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) proofs.push(provedWhenTrue(parent.left));
      if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) proofs.push(provedWhenFalse(parent.left));
    }
    if ((ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent)) && parent.statements) {
      for (const statement of parent.statements) {
        if (statement === child || statement.pos >= child.pos) break;
        if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement)) {
          proofs.push(provedWhenFalse(statement.expression));
        }
      }
    }
  }
  return maxVersion(proofs);
}

function isWrite(node) {
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === node &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

function requirementFor(tag, write) {
  if (!tag) return { version: null, note: "no tag" };
  if (tag.other) return { version: null, note: tag.other };
  const version = (write ? tag.write : tag.read) || tag.base;
  return { version, note: tag.text };
}

/**
 * Checks the given files (default: src/excel/**\/*.ts). Returns every Excel member used, with its requirement and
 * where it is used, and the violations (unguarded uses above `declared`, or of a set that is not ExcelApi).
 */
function checkApi(options = {}) {
  const root = options.root || repoRoot;
  const declared = options.declared || declaredExcelApi(root);
  const files = (options.files || listTs(path.join(root, "src", "excel"))).map((file) => path.resolve(root, file));
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const officeFile = program
    .getSourceFiles()
    .find((file) => file.fileName.replace(/\\/g, "/").endsWith("@types/office-js/index.d.ts"));
  if (!officeFile) throw new Error("@types/office-js/index.d.ts is not part of the program (is it installed?)");
  const table = memberTable(officeFile);

  const members = new Map();
  const violations = [];
  const record = (key, node, write) => {
    const requirement = requirementFor(table.get(key), write);
    const sourceFile = node.getSourceFile();
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
    const where = `${path.relative(root, sourceFile.fileName).replace(/\\/g, "/")}:${line + 1}`;
    const guard = guardedVersion(node);
    const needsGuard =
      requirement.version === null ? requirement.note !== "no tag" : compareVersions(requirement.version, declared) > 0;
    const ok =
      !needsGuard ||
      (requirement.version !== null && guard !== null && compareVersions(guard, requirement.version) >= 0);
    const entry = members.get(key) || {
      member: key,
      requirement: requirement.version,
      tag: requirement.note,
      uses: [],
    };
    if (requirement.version && (!entry.requirement || compareVersions(requirement.version, entry.requirement) > 0)) {
      entry.requirement = requirement.version;
      entry.tag = requirement.note;
    }
    entry.uses.push({ where, guard, ok, write });
    members.set(key, entry);
    if (!ok) {
      violations.push({
        member: key,
        where,
        requirement: requirement.version || requirement.note,
        guard,
      });
    }
  };

  for (const file of files) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) throw new Error(`${file} is not part of the program`);
    const visit = (node) => {
      let nameNode = null;
      if (ts.isPropertyAccessExpression(node)) nameNode = node.name;
      else if (
        (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
        ts.isObjectLiteralExpression(node.parent)
      ) {
        nameNode = node.name;
      }
      if (nameNode) {
        let symbol = checker.getSymbolAtLocation(nameNode);
        if (!symbol && ts.isObjectLiteralExpression(node.parent)) {
          const contextual = checker.getContextualType(node.parent);
          symbol = contextual && checker.getPropertyOfType(contextual, nameNode.getText());
        }
        const keys = new Set();
        for (const declaration of (symbol && symbol.declarations) || []) {
          const key = excelMemberKey(declaration, officeFile);
          if (key) keys.add(key);
        }
        for (const key of keys)
          record(
            key,
            ts.isPropertyAccessExpression(node) ? node : node.name,
            ts.isPropertyAccessExpression(node) && isWrite(node),
          );
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  const sorted = [...members.values()].sort(
    (a, b) => compareVersions(b.requirement || "0.0", a.requirement || "0.0") || a.member.localeCompare(b.member),
  );
  return { declared, members: sorted, violations };
}

function printReport({ declared, members, violations }) {
  const rows = members.map((m) => {
    const guarded = m.uses.filter((u) => u.guard).length;
    return [
      m.member,
      m.requirement || (m.tag === "no tag" ? "(no tag)" : m.tag),
      String(m.uses.length),
      guarded ? `${guarded} guarded` : "",
      m.requirement && m.tag !== `ExcelApi ${m.requirement}` ? m.tag : "",
    ];
  });
  const header = ["Excel member", "ExcelApi", "uses", "guards", "tag"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  console.log(`Excel API members used by the adapter (declared minimum ExcelApi ${declared}):\n`);
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  rows.forEach((row) => console.log(line(row)));
  console.log("");
  if (violations.length === 0) {
    console.log(`OK: every member above ExcelApi ${declared} is used inside a supportsExcelApi guard.`);
    return;
  }
  console.log(`FAILED: ${violations.length} use(s) need more than ExcelApi ${declared} without a guard:`);
  for (const v of violations) {
    const guard = v.guard ? ` (guarded only for ${v.guard})` : "";
    console.log(`  ${v.where}  ${v.member} needs ${v.requirement}${guard}`);
  }
}

module.exports = { checkApi, declaredExcelApi, parseTag, compareVersions };

if (require.main === module) {
  const args = process.argv.slice(2);
  const options = {};
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--declared") options.declared = args[++i];
    else files.push(args[i]);
  }
  if (files.length) options.files = files;
  const result = checkApi(options);
  printReport(result);
  process.exitCode = result.violations.length ? 1 : 0;
}
