'use strict';
// Prints how the VS Code TextMate grammar scopes a Charter file, one source
// line per output line: `LINE: text<scope scope> text<scope> ...`, leaving
// out blanks and the root scope. Given several files, each line starts
// with the file's name and a colon (one node for many files: loading the
// engine takes most of the time). Needs the npm packages vscode-textmate and
// vscode-oniguruma (NODE_PATH, or ./node_modules); exits 3 when they are
// missing so that the caller can skip.
//
// usage: node tm_tokens.js GRAMMAR.json FILE.charter...

const fs = require('fs');
const path = require('path');

let vsctm;
let oniguruma;
try {
  vsctm = require('vscode-textmate');
  oniguruma = require('vscode-oniguruma');
} catch (e) {
  process.stderr.write('vscode-textmate or vscode-oniguruma not found\n');
  process.exit(3);
}

async function main() {
  const [grammarPath, ...sourcePaths] = process.argv.slice(2);
  const wasm = fs.readFileSync(
    path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.charter') return null;
      return vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
    },
  });
  const grammar = await registry.loadGrammar('source.charter');
  const out = [];
  for (const sourcePath of sourcePaths) {
    const prefix = sourcePaths.length > 1 ? path.basename(sourcePath) + ':' : '';
    scope(grammar, fs.readFileSync(sourcePath, 'utf8'), prefix, out);
  }
  process.stdout.write(out.join('\n') + '\n');
}

// Appends the scoped lines of `text` to `out`, each after `prefix`.
function scope(grammar, text, prefix, out) {
  const lines = text.replace(/\n$/, '').split('\n');
  let stack = vsctm.INITIAL;
  lines.forEach((text, index) => {
    const result = grammar.tokenizeLine(text, stack);
    const parts = [];
    for (const token of result.tokens) {
      const piece = text.slice(token.startIndex, token.endIndex).trim();
      if (piece === '') continue;
      const scopes = token.scopes
        .filter((s) => s !== 'source.charter' && s !== 'meta.block.charter')
        .map((s) => s.replace(/\.charter$/, ''));
      parts.push(scopes.length ? piece + '<' + scopes.join(' ') + '>' : piece);
    }
    out.push(prefix + (index + 1) + ': ' + parts.join(' '));
    stack = result.ruleStack;
  });
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
