'use strict';
// The Piano extension: the TextMate grammar colours `.piano` files, and this starts the
// language server (`piano lsp`) for diagnostics, quick fixes, formatting, outline,
// navigation, hover and completion.

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');
const { findExecutable, serverOptions, notFoundMessage, openSettingsLabel } = require('./lib/server');

let client = null;

async function start(context) {
  const config = vscode.workspace.getConfiguration('piano');
  const setting = config.get('path') || 'piano';
  const folder = (vscode.workspace.workspaceFolders || [])[0];
  const base = folder ? folder.uri.fsPath : process.cwd();
  const executable = findExecutable(setting, process.env, process.platform, base);
  if (!executable) {
    const open = openSettingsLabel(vscode.env.language);
    const choice = await vscode.window.showErrorMessage(notFoundMessage(setting, vscode.env.language), open);
    if (choice === open) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'piano.path');
    }
    return null;
  }
  const lang = config.get('lang') || '';
  client = new LanguageClient('piano', 'Piano', serverOptions(executable), {
    documentSelector: [
      { scheme: 'file', language: 'piano' },
      { scheme: 'untitled', language: 'piano' },
    ],
    initializationOptions: lang ? { lang } : {},
    synchronize: { configurationSection: 'piano' },
  });
  await client.start();
  context.subscriptions.push(client);
  return client;
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('piano.path')) {
        if (client) {
          await client.stop();
          client = null;
        }
        await start(context);
      }
    }),
  );
  return start(context);
}

async function deactivate() {
  if (client) {
    await client.stop();
    client = null;
  }
}

module.exports = { activate, deactivate };
