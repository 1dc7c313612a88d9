-- Neovim (0.7 and later) as a real client of `piano lsp`: opens a plan, waits for the
-- diagnostics, asks for formatting and applies it, and writes what it saw as JSON.
-- Run by tests/lsp/neovim.rs with PIANO_BIN, PIANO_PLAN and PIANO_OUT set.
local bin = os.getenv('PIANO_BIN')
local plan = os.getenv('PIANO_PLAN')
local out = os.getenv('PIANO_OUT')
local result = { diagnostics = {} }

local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(plan))
  local bufnr = vim.api.nvim_get_current_buf()
  -- The 0.7 form; from 0.8 on, `vim.lsp.start` does both steps (see editors/neovim).
  local client_id = vim.lsp.start_client({
    name = 'piano',
    cmd = { bin, 'lsp' },
    root_dir = vim.fn.fnamemodify(plan, ':p:h'),
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local got = vim.wait(20000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20)
  assert(got, 'no diagnostics within 20 s')
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      end_col = d.end_col,
      severity = d.severity,
      code = d.code or lsp.code,
      message = d.message,
    })
  end

  local client = vim.lsp.get_client_by_id(client_id)
  result.offset_encoding = client.offset_encoding
  local params = vim.lsp.util.make_formatting_params({})
  local response = client.request_sync('textDocument/formatting', params, 20000, bufnr)
  assert(response, 'no answer to formatting')
  assert(not response.err, vim.inspect(response.err))
  result.edits = #response.result
  vim.lsp.util.apply_text_edits(response.result, bufnr, client.offset_encoding)
  result.formatted = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
  client.stop()
end)
if not ok then
  result.error = tostring(err)
end
finish()
