-- Neovim: `piano lsp` for .piano files. Copy this file to ~/.config/nvim/lua/piano.lua and
-- write `require('piano')` in init.lua (the Vim runtime files of editors/vim give the
-- colours: add that directory to 'runtimepath').
--
-- Neovim 0.8 and later use `vim.lsp.start`; 0.7 (Debian 12) needs `vim.lsp.start_client`
-- and `vim.lsp.buf_attach_client`, which the second branch does.

local group = vim.api.nvim_create_augroup('piano_lsp', { clear = true })
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  group = group,
  pattern = '*.piano',
  command = 'setfiletype piano',
})

local config = {
  name = 'piano',
  cmd = { 'piano', 'lsp' },
  -- Messages in English: init_options = { lang = 'en' },
}

if vim.fn.has('nvim-0.8') == 1 then
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'piano',
    callback = function(args)
      vim.lsp.start(vim.tbl_extend('force', config, {
        root_dir = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)),
      }))
    end,
  })
else
  local client_id = nil
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'piano',
    callback = function(args)
      if not client_id or not vim.lsp.get_client_by_id(client_id) then
        client_id = vim.lsp.start_client(vim.tbl_extend('force', config, {
          root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h'),
        }))
      end
      if client_id then
        vim.lsp.buf_attach_client(args.buf, client_id)
      end
    end,
  })
end
