#!/usr/bin/env bash
# Checks the Vim (and, when installed, Neovim) support for .piano files:
# the runtime files load without errors, *.piano gets filetype piano with its
# options, the syntax groups exist and are found where expected in
# ../samples/sample.piano and in the VS Code grammar tests
# (../vscode/tests/*.test.piano, mapped from scopes to groups), indentation
# reproduces the sample, and a Windows-1252 plan is read as such.
# Exits non-zero on any failure; with neither editor installed it says it
# skipped (and fails when CI=true).
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
status=0
ran=0

check() { # editor
  local editor="$1" out
  out="$(mktemp)"
  ran=$((ran + 1))

  # 1. The smoke test: load the runtime files, open a .piano file.
  if ! "$editor" -u NONE -i NONE -es -N \
      -c "set rtp+=$here" -c 'filetype plugin indent on' -c 'syntax on' \
      -c "e $(mktemp -u).piano" -c 'if &ft !=# "piano" | cquit | endif' -c 'qa!' </dev/null; then
    echo "FAIL $editor: a .piano file does not get filetype piano"
    status=1
  fi

  # 2. The detailed checks in test.vim.
  if PIANO_VIM_TEST_OUT="$out" "$editor" -u NONE -i NONE -es -N \
      -c 'set encoding=utf-8' -c "set rtp^=$here" -c 'filetype plugin indent on' -c 'syntax on' \
      -S "$here/test.vim" </dev/null; then
    :
  else
    status=1
  fi
  if [ -s "$out" ]; then
    sed "s/^/$editor: /" "$out"
    tail -n 1 "$out" | grep -q ', 0 failed$' || status=1
  else
    echo "FAIL $editor: test.vim wrote no result"
    status=1
  fi
  rm -f "$out"
}

command -v vim >/dev/null && check vim
command -v nvim >/dev/null && check nvim
if [ "$ran" -eq 0 ]; then
  # Like the project's other tests that need an outside tool: loud skip, but
  # a failure under CI=true.
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: neither vim nor nvim is installed" >&2
    exit 1
  fi
  echo "SKIPPED: editors/vim/test.sh: neither vim nor nvim is installed" >&2
  exit 0
fi
exit "$status"
