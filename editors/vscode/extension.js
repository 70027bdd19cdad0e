'use strict';
// Folding for Charter files. A language configuration can only fold by
// indentation or by markers; folding on braces needs a provider. Ranges:
// every `{ }` block and every `"""` string that spans lines (the closing
// line stays visible), every run of two or more whole-line comments, and
// every `# region` ... `# endregion` pair.
//
// charterFoldingRanges() is plain JavaScript so that the tests can run it
// under node without VS Code (tests/editors/test_editors.sh).

/**
 * @param {string} text  a whole .charter file
 * @returns {{start: number, end: number, kind?: string}[]} 0-based lines,
 *   sorted by start; kind is 'comment' or 'region' where it applies
 */
function charterFoldingRanges(text) {
  const ranges = [];
  const openBraces = []; // line of each `{` not yet closed
  const openRegions = []; // line of each `# region` not yet closed
  let runStart = -1; // current run of whole-line comments
  let runEnd = -1;
  let line = 0;
  let lineStart = true; // nothing but blanks so far on this line
  let i = 0;
  const n = text.length;

  const block = (start, closeLine) => {
    if (closeLine - 1 > start) ranges.push({ start, end: closeLine - 1 });
  };
  const flushRun = () => {
    if (runEnd > runStart) ranges.push({ start: runStart, end: runEnd, kind: 'comment' });
    runStart = runEnd = -1;
  };

  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
      lineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      const eol = text.indexOf('\n', i);
      const end = eol < 0 ? n : eol;
      if (lineStart) {
        const body = text.slice(i, end);
        if (/^#\s*region\b/.test(body)) {
          openRegions.push(line);
        } else if (/^#\s*endregion\b/.test(body)) {
          if (openRegions.length > 0) {
            const start = openRegions.pop();
            if (line > start) ranges.push({ start, end: line, kind: 'region' });
          }
        } else {
          if (runStart < 0 || runEnd !== line - 1) {
            flushRun();
            runStart = line;
          }
          runEnd = line;
        }
      }
      i = end;
      continue;
    }
    lineStart = false;
    if (c === '"' && text.startsWith('"""', i)) {
      const start = line;
      i += 3;
      while (i < n && !text.startsWith('"""', i)) {
        if (text[i] === '\\' && i + 1 < n && text[i + 1] !== '\n') i++;
        else if (text[i] === '\n') line++;
        i++;
      }
      i += 3;
      block(start, line);
      continue;
    }
    if (c === '"') {
      // A plain string ends at its closing quote or, unterminated, at the
      // end of the line.
      i++;
      while (i < n && text[i] !== '"' && text[i] !== '\n') {
        if (text[i] === '\\' && i + 1 < n && text[i + 1] !== '\n') i++;
        i++;
      }
      if (i < n && text[i] === '"') i++;
      continue;
    }
    if (c === '{') {
      openBraces.push(line);
    } else if (c === '}' && openBraces.length > 0) {
      block(openBraces.pop(), line);
    }
    i++;
  }
  flushRun();
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  return ranges;
}

// The language server: `charterc lsp` on stdio, through VS Code's
// language client (vscode-languageclient, the extension's one dependency,
// which `npm install` in this folder fetches). It gives the diagnostics,
// hover, navigation, completion, rename, quick fixes and formatting;
// without it (the dependency not installed, or `charter.server.path`
// empty) the extension still highlights and folds.
let client = null;

function startServer(vscode, context) {
  const config = vscode.workspace.getConfiguration('charter');
  const command = config.get('server.path', 'charterc');
  if (!command) return false;
  let lc;
  try {
    lc = require('vscode-languageclient/node');
  } catch (e) {
    return false;
  }
  // With the stdio transport the client adds `--stdio` to the arguments
  // itself, which `charterc lsp` accepts.
  const args = ['lsp'];
  const checksUrl = config.get('server.checksUrl', '');
  if (checksUrl) args.push('--checks-url', checksUrl);
  const server = { command, args, transport: lc.TransportKind.stdio };
  client = new lc.LanguageClient('charter', 'Charter', server, {
    documentSelector: [{ language: 'charter' }],
  });
  client.start().catch((e) => {
    vscode.window.showWarningMessage(
      `Charter: could not start "${command} lsp" (${e.message}); set charter.server.path.`);
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return true;
}

function activate(context) {
  const vscode = require('vscode');
  // The provider folds `# region` pairs, which the server does not; VS Code
  // merges the ranges of every provider, so it stays beside the server.
  const kinds = {
    comment: vscode.FoldingRangeKind.Comment,
    region: vscode.FoldingRangeKind.Region,
  };
  const provider = {
    provideFoldingRanges(document) {
      return charterFoldingRanges(document.getText()).map(
        (r) => new vscode.FoldingRange(r.start, r.end, kinds[r.kind]));
    },
  };
  context.subscriptions.push(
    vscode.languages.registerFoldingRangeProvider({ language: 'charter' }, provider));
  startServer(vscode, context);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, charterFoldingRanges };
