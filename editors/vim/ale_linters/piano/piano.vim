" ALE (https://github.com/dense-analysis/ale): `piano lsp` as the linter of .piano files.
" ALE loads this file by itself when editors/vim is on 'runtimepath'.

call ale#linter#Define('piano', {
      \ 'name': 'piano',
      \ 'lsp': 'stdio',
      \ 'executable': 'piano',
      \ 'command': '%e lsp',
      \ 'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
      \ })
