#!/usr/bin/env node
// Renders a .piano file as a self-contained HTML page, highlighted with the VS Code TextMate
// grammar (editors/vscode/syntaxes/piano.tmLanguage.json) and the colours of a light theme, so
// that headless Chromium can take the screenshot of docs/editors.md. See editors/screenshot/make.sh.
//
//   node editors/screenshot/render.js FILE [FIRST-LAST] > page.html
//
// It uses vscode-textmate and vscode-oniguruma, which `npm ci` in editors/vscode installs (as
// dependencies of vscode-tmgrammar-test).

'use strict';

const fs = require('fs');
const path = require('path');

const vscodeDir = path.join(__dirname, '..', 'vscode');
const modules = path.join(vscodeDir, 'node_modules');
const vsctm = require(path.join(modules, 'vscode-textmate'));
const oniguruma = require(path.join(modules, 'vscode-oniguruma'));

// Scope → style, VS Code "Light+" colours. The longest matching scope prefix wins; the
// innermost scope of a token is tried first.
const THEME = [
  ['comment', { color: '#008000', fontStyle: 'italic' }],
  ['string', { color: '#a31515' }],
  ['constant.character.escape', { color: '#ee0000' }],
  ['constant.numeric', { color: '#098658' }],
  ['constant.numeric.code', { color: '#267f99' }],
  ['constant.numeric.date', { color: '#811f3f' }],
  ['constant.numeric.year', { color: '#098658' }],
  ['constant.language', { color: '#0000ff' }],
  ['storage.type.item', { color: '#af00db', fontWeight: 'bold' }],
  ['support.type.property-name', { color: '#0451a5' }],
  ['support.function', { color: '#795e26' }],
  ['entity.name', { color: '#795e26', fontWeight: 'bold' }],
  ['entity.other.inherited-class', { color: '#267f99' }],
  ['keyword.other.unit', { color: '#098658', fontWeight: 'bold' }],
  ['keyword.operator', { color: '#a1260d' }],
  ['variable', { color: '#001080' }],
  ['punctuation.section.block', { color: '#795e26' }],
  ['invalid', { color: '#cd3131', textDecoration: 'underline wavy #cd3131' }],
];

function styleFor(scopes) {
  for (let i = scopes.length - 1; i >= 0; i--) {
    let best = null;
    for (const [prefix, style] of THEME) {
      const scope = scopes[i];
      const matches = scope === prefix || scope.startsWith(prefix + '.');
      if (matches && (!best || prefix.length > best[0].length)) best = [prefix, style];
    }
    if (best) return best[1];
  }
  return null;
}

function css(style) {
  const parts = [];
  if (style.color) parts.push(`color:${style.color}`);
  if (style.fontStyle) parts.push(`font-style:${style.fontStyle}`);
  if (style.fontWeight) parts.push(`font-weight:${style.fontWeight}`);
  if (style.textDecoration) parts.push(`text-decoration:${style.textDecoration}`);
  return parts.join(';');
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function main() {
  const [file, range] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node render.js FILE [FIRST-LAST] > page.html');
    process.exit(2);
  }
  const wasm = fs.readFileSync(path.join(modules, 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.piano') return null;
      const grammarPath = path.join(vscodeDir, 'syntaxes', 'piano.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
    },
  });
  const grammar = await registry.loadGrammar('source.piano');

  const lines = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const [first, last] = range ? range.split('-').map(Number) : [1, lines.length];
  let state = vsctm.INITIAL;
  const rows = [];
  lines.forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const number = index + 1;
    if (number < first || number > last) return; // tokenized anyway, for the state
    const html = result.tokens
      .map((token) => {
        const text = escapeHtml(line.substring(token.startIndex, token.endIndex));
        const style = styleFor(token.scopes);
        return style ? `<span style="${css(style)}">${text}</span>` : text;
      })
      .join('');
    rows.push(`<div class="line"><span class="number">${number}</span>${html}</div>`);
  });

  const name = path.basename(file);
  process.stdout.write(`<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<title>${escapeHtml(name)}</title>
<style>
  html, body { margin: 0; background: #f3f3f3; }
  .window { margin: 16px; border: 1px solid #d4d4d4; border-radius: 6px; overflow: hidden;
            background: #ffffff; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.12); }
  .tab { background: #ececec; border-bottom: 1px solid #d4d4d4; padding: 7px 14px;
         font: 13px 'DejaVu Sans', sans-serif; color: #333333; }
  .code { padding: 10px 0; font: 14px/20px 'DejaVu Sans Mono', monospace; color: #000000; }
  .line { white-space: pre; padding-right: 16px; }
  .number { display: inline-block; width: 3.2em; padding-right: 1.2em; text-align: right;
            color: #a0a0a0; user-select: none; }
</style>
</head>
<body>
<div class="window">
<div class="tab">${escapeHtml(name)}</div>
<div class="code">
${rows.join('\n')}
</div>
</div>
</body>
</html>
`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
