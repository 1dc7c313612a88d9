'use strict';
// Finding the `piano` program and the messages about it: plain functions, so that they are
// tested without VS Code (tests/extension.test.js).

const fs = require('fs');
const path = require('path');

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The program named by the `piano.path` setting: a path (absolute, or relative to `base`)
 * when it holds a separator, else a name searched on PATH. `null` when not found.
 */
function findExecutable(setting, env = process.env, platform = process.platform, base = process.cwd()) {
  const name = (setting || 'piano').trim();
  if (name.includes('/') || name.includes('\\')) {
    const full = path.resolve(base, name);
    return isFile(full) ? full : null;
  }
  const dirs = (env.PATH || env.Path || '').split(platform === 'win32' ? ';' : ':');
  const exts = platform === 'win32' ? (env.PATHEXT || '.EXE;.CMD;.BAT').split(';').concat(['']) : [''];
  for (const dir of dirs.filter(Boolean)) {
    for (const ext of exts) {
      const full = path.join(dir, name + ext);
      if (isFile(full)) {
        return full;
      }
    }
  }
  return null;
}

/** How the client starts the server. */
function serverOptions(executable) {
  return { command: executable, args: ['lsp'] };
}

function isEnglish(language) {
  return (language || '').toLowerCase().startsWith('en');
}

/** The message shown when the program is not found, in the editor's language. */
function notFoundMessage(setting, language) {
  const name = setting || 'piano';
  if (isEnglish(language)) {
    return `Piano: the program \`${name}\` was not found, so plans are not checked as you type. ` +
      'Install piano (`cargo install --path .` in its repository) or set `piano.path` to the full path of the program.';
  }
  return `Piano: il programma \`${name}\` non è stato trovato, quindi i piani non vengono controllati mentre scrivi. ` +
    'Installa piano (`cargo install --path .` nel suo repository) o indica in `piano.path` il percorso completo del programma.';
}

function openSettingsLabel(language) {
  return isEnglish(language) ? 'Open settings' : 'Apri le impostazioni';
}

module.exports = { findExecutable, serverOptions, notFoundMessage, openSettingsLabel };
