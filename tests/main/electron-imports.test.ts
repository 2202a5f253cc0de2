// The engine, the service, the hosts, the runner, the CLI and the server run in plain Node, where
// `require('electron')` throws: only electron/main and electron/preload may import electron or
// electron-store (which loads electron), and nothing else may import them. Imports are read from the
// syntax tree, so a string that merely mentions require('electron') does not count.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ELECTRON_DIR = fileURLToPath(new URL('../../electron', import.meta.url));
const ELECTRON_ONLY = /^electron(-store)?(\/.*)?$/;
const MAY_IMPORT_ELECTRON = /^(main|preload)\//;

/** Every module specifier a file imports, re-exports, requires or import()s. */
function importedSpecifiers(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push(expression.text);
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      if ((isRequire || isDynamicImport) && first && ts.isStringLiteralLike(first)) found.push(first.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      // import('electron').X in a type position loads nothing, but is still a dependency on Electron's types.
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = readdirSync(ELECTRON_DIR, { recursive: true, encoding: 'utf8' })
  .map((file) => file.split(path.sep).join('/'))
  .filter((file) => /\.(ts|mts|cts|js|mjs|cjs)$/.test(file) && !file.includes('node_modules'));
const outside = files.filter((file) => !MAY_IMPORT_ELECTRON.test(file));

describe('electron stays in electron/main and electron/preload', () => {
  it('finds the files it checks, and real imports only', () => {
    expect(outside).toContain('engine/supervisor/engine.ts');
    expect(outside).toContain('runner/module-runner.mjs');
    expect(importedSpecifiers('x.ts', "import { app } from 'electron';\nconst probe = \"require('electron')\";")).toEqual(['electron']);
    expect(importedSpecifiers('x.mjs', "const s = await import('electron-store'); require('electron/main');")).toEqual(['electron-store', 'electron/main']);
  });

  it.each(outside)('%s imports neither electron nor electron-store, nor anything of main or preload', (file) => {
    const absolute = path.join(ELECTRON_DIR, file);
    for (const specifier of importedSpecifiers(absolute, readFileSync(absolute, 'utf8'))) {
      expect(specifier, `${file} imports ${specifier}`).not.toMatch(ELECTRON_ONLY);
      if (specifier.startsWith('.')) {
        const target = path.relative(ELECTRON_DIR, path.resolve(path.dirname(absolute), specifier)).split(path.sep).join('/');
        expect(target, `${file} imports ${specifier}`).not.toMatch(MAY_IMPORT_ELECTRON);
      }
    }
  });
});
