'use strict';
// vscode_session.js CHARTERC WORKSPACE - the language server driven as VS
// Code drives it: through the protocol libraries VS Code's own client
// (vscode-languageclient) is built on, vscode-jsonrpc and
// vscode-languageserver-protocol, from npm at fixed versions (`make
// deps-test` puts them in build/editors-node; test_lsp.sh sets NODE_PATH).
// vscode-languageclient itself needs a running VS Code; these two do not.
// The session: initialize with the capabilities VS Code sends, open,
// diagnostics, a quick fix, semantic tokens, hover, completion, rename,
// shutdown and exit.
// Prints "ok NAME" or "FAIL NAME: why" per check, then "vscode session done".
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const rpc = require('vscode-jsonrpc/node');
const lsp = require('vscode-languageserver-protocol');

const [charterc, ws] = process.argv.slice(2);
const root = fs.realpathSync(ws);
const uri = 'file://' + path.join(root, 'main.charter');
const text = fs.readFileSync(path.join(root, 'main.charter'), 'utf8');

function check(name, cond, why) {
  console.log(cond ? 'ok vscode: ' + name : 'FAIL vscode: ' + name + ': ' + why);
}

async function main() {
  const proc = cp.spawn(charterc, ['lsp', '--stdio'], { cwd: root });
  const exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  const conn = lsp.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout),
                                            new rpc.StreamMessageWriter(proc.stdin));
  const diagnostics = [];
  let wake = null;
  conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
    if (p.uri === uri) diagnostics.push(p.diagnostics);
    if (wake) wake();
  });
  conn.listen();
  const nextDiagnostics = (n) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no diagnostics')), 10000);
    const done = () => {
      if (diagnostics.length >= n) {
        clearTimeout(timer);
        wake = null;
        resolve(diagnostics[n - 1]);
      }
    };
    wake = done;
    done();
  });

  // What VS Code 1.8x sends, in the parts the server reads.
  const init = await conn.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: 'file://' + root,
    workspaceFolders: [{ uri: 'file://' + root, name: 'ws' }],
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: true },
        completion: { completionItem: { snippetSupport: true } },
        publishDiagnostics: { tagSupport: { valueSet: [1, 2] }, relatedInformation: true },
        rename: { prepareSupport: true },
        semanticTokens: {
          requests: { full: { delta: true }, range: true },
          tokenTypes: Object.values(lsp.SemanticTokenTypes),
          tokenModifiers: Object.values(lsp.SemanticTokenModifiers),
          formats: ['relative'],
        },
      },
      workspace: { workspaceEdit: { documentChanges: true } },
    },
  });
  const caps = init.capabilities;
  check('initialize: full sync, hover, completion, rename with prepare',
        caps.textDocumentSync.change === lsp.TextDocumentSyncKind.Full && caps.hoverProvider &&
        caps.completionProvider && caps.renameProvider.prepareProvider, JSON.stringify(caps));
  await conn.sendNotification(lsp.InitializedNotification.type, {});
  await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'charter', version: 1, text },
  });
  const diags = await nextDiagnostics(1);
  check('diagnostics on open: the undefined name, in UTF-16',
        diags.length === 1 && diags[0].code === 'undefined_name' &&
        diags[0].range.start.line === 9 && diags[0].range.start.character === 30,
        JSON.stringify(diags));

  const actions = await conn.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags },
  });
  check('the quick fix', actions.length === 1 && actions[0].title === "Change to 'city'",
        JSON.stringify(actions));
  const fixed = text.replace('citty', 'city');
  await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }],
  });
  const after = await nextDiagnostics(2);
  check('after the fix: the checks\' findings, no language error',
        after.length > 0 && after.every((d) => d.code !== 'undefined_name'),
        JSON.stringify(after.map((d) => d.code)));

  // The semantic tokens as VS Code decodes them: the names of the legend
  // initialize gave, the positions relative to the token before.
  const legend = caps.semanticTokensProvider && caps.semanticTokensProvider.legend;
  const sem = await conn.sendRequest(lsp.SemanticTokensRequest.type, { textDocument: { uri } });
  const toks = [];
  for (let i = 0, line = 0, col = 0; legend && sem && i + 4 < sem.data.length; i += 5) {
    const [dl, dc, len, type, mods] = sem.data.slice(i, i + 5);
    line += dl;
    col = dl === 0 ? col + dc : dc;
    toks.push([line, col, len, legend.tokenTypes[type],
               legend.tokenModifiers.filter((m, k) => mods & (1 << k)).join(',')].join(' '));
  }
  check('semantic tokens: a partner after emoji, a goal declared, a date after emoji',
        toks.length === 16 && toks.includes('9 30 4 class ') &&
        toks.includes('7 5 1 event declaration') && toks.includes('7 23 10 date '),
        JSON.stringify(toks));

  const hover = await conn.sendRequest(lsp.HoverRequest.type, {
    textDocument: { uri }, position: { line: 13, character: 9 },
  });
  check('hover on a partner', hover && hover.contents.kind === 'markdown' &&
        hover.contents.value.startsWith('**partner** `city`'), JSON.stringify(hover));

  const items = await conn.sendRequest(lsp.CompletionRequest.type, {
    textDocument: { uri }, position: { line: 4, character: 7 },
  });
  const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
  check('completion after lead: the partners', JSON.stringify(labels) === '["city"]',
        JSON.stringify(labels));

  const prep = await conn.sendRequest(lsp.PrepareRenameRequest.type, {
    textDocument: { uri }, position: { line: 13, character: 9 },
  });
  check('prepareRename', prep && prep.placeholder === 'city', JSON.stringify(prep));
  const edit = await conn.sendRequest(lsp.RenameRequest.type, {
    textDocument: { uri }, position: { line: 13, character: 9 }, newName: 'town',
  });
  const lines = Object.values(edit.changes || {}).flat().map((e) => e.range.start.line).sort();
  check('rename: every place in the document and the used file',
        Object.keys(edit.changes).length === 2 && lines.length === 4, JSON.stringify(edit));

  try {
    await conn.sendRequest(lsp.RenameRequest.type, {
      textDocument: { uri }, position: { line: 13, character: 9 }, newName: 'not a name',
    });
    check('a bad rename is refused', false, 'answered');
  } catch (e) {
    check('a bad rename is refused with an error', e.code === lsp.LSPErrorCodes.RequestFailed,
          JSON.stringify(e));
  }

  await conn.sendRequest(lsp.ShutdownRequest.type);
  await conn.sendNotification(lsp.ExitNotification.type);
  check('exit status 0 after shutdown and exit', (await exited) === 0, 'other status');
  conn.dispose();
  console.log('vscode session done');
}

main().catch((e) => {
  console.log('FAIL vscode: the session stopped: ' + (e && e.stack ? e.stack : e));
  process.exit(1);
});
