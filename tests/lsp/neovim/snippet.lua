-- Loads editors/neovim/piano.lua as a user would, opens a plan, and writes the diagnostics
-- codes it gets as JSON. Run by tests/lsp/neovim.rs with PIANO_SNIPPET, PIANO_PLAN and
-- PIANO_OUT set, and `piano` on PATH.
local result = {}
local ok, err = pcall(function()
  dofile(os.getenv('PIANO_SNIPPET'))
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('PIANO_PLAN')))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  assert(vim.wait(20000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20), 'no diagnostics within 20 s')
  result.codes = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(result.codes, d.code or lsp.code)
  end
  for _, c in pairs(vim.lsp.get_active_clients()) do
    c.stop()
  end
end)
if not ok then
  result.error = tostring(err)
end
local f = assert(io.open(os.getenv('PIANO_OUT'), 'w'))
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qall!')
