'use strict';
// The extension without VS Code: finding the program, the message when it is missing, and
// activation against stand-ins for the `vscode` and `vscode-languageclient` modules.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');
const { findExecutable, serverOptions, notFoundMessage } = require('../lib/server');

function fakeProgram() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piano-vscode-'));
  const program = path.join(dir, 'piano');
  fs.writeFileSync(program, '#!/bin/sh\n', { mode: 0o755 });
  return { dir, program };
}

test('finds the program on PATH or at a path', () => {
  const { dir, program } = fakeProgram();
  assert.strictEqual(findExecutable('piano', { PATH: `/nonexistent:${dir}` }, 'linux'), program);
  assert.strictEqual(findExecutable('', { PATH: dir }, 'linux'), program);
  assert.strictEqual(findExecutable(program, { PATH: '' }, 'linux'), program);
  assert.strictEqual(findExecutable('./piano', { PATH: '' }, 'linux', dir), program);
  assert.strictEqual(findExecutable('piano', { PATH: '/nonexistent' }, 'linux'), null);
  assert.strictEqual(findExecutable(path.join(dir, 'missing'), { PATH: dir }, 'linux'), null);
  // A directory named like the program is not the program.
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'piano-vscode-'));
  fs.mkdirSync(path.join(other, 'piano'));
  assert.strictEqual(findExecutable('piano', { PATH: other }, 'linux'), null);
});

test('the server is `piano lsp`', () => {
  assert.deepStrictEqual(serverOptions('/usr/bin/piano'), { command: '/usr/bin/piano', args: ['lsp'] });
});

test('the message for a missing program names the setting, in the editor language', () => {
  assert.match(notFoundMessage('piano', 'it'), /non è stato trovato.*`piano\.path`/);
  assert.match(notFoundMessage('/opt/piano', 'en-US'), /`\/opt\/piano` was not found.*`piano\.path`/);
});

/** Loads extension.js with stand-ins; returns what it did. */
function activate(settings) {
  const seen = { errors: [], clients: [], commands: [] };
  const vscode = {
    env: { language: 'it' },
    workspace: {
      workspaceFolders: [],
      getConfiguration: () => ({ get: (key) => settings[key] }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    window: {
      showErrorMessage: async (message, ...choices) => {
        seen.errors.push(message);
        return choices[0];
      },
    },
    commands: { executeCommand: async (...args) => seen.commands.push(args) },
  };
  class LanguageClient {
    constructor(id, name, server, options) {
      seen.clients.push({ id, name, server, options });
    }
    async start() {}
    async stop() {}
  }
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return vscode;
    if (request === 'vscode-languageclient/node') return { LanguageClient };
    return load.call(this, request, ...rest);
  };
  try {
    delete require.cache[require.resolve('../extension')];
    const extension = require('../extension');
    return extension.activate({ subscriptions: [] }).then(() => seen);
  } finally {
    Module._load = load;
  }
}

test('activation starts `piano lsp` with the language setting', async () => {
  const { program } = fakeProgram();
  const seen = await activate({ path: program, lang: 'en' });
  assert.deepStrictEqual(seen.errors, []);
  assert.strictEqual(seen.clients.length, 1);
  const client = seen.clients[0];
  assert.deepStrictEqual(client.server, { command: program, args: ['lsp'] });
  assert.deepStrictEqual(client.options.initializationOptions, { lang: 'en' });
  assert.deepStrictEqual(client.options.documentSelector[0], { scheme: 'file', language: 'piano' });
});

test('a missing program is said clearly and opens the setting', async () => {
  const seen = await activate({ path: '/nonexistent/piano' });
  assert.strictEqual(seen.clients.length, 0);
  assert.strictEqual(seen.errors.length, 1);
  assert.match(seen.errors[0], /`\/nonexistent\/piano` non è stato trovato/);
  assert.deepStrictEqual(seen.commands, [['workbench.action.openSettings', 'piano.path']]);
});
