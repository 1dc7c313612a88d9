-- Neovim as a clerk uses it, on the plan of tests/lsp/fixtures/weights.piano: a wrong weight
-- typed shows its error, the preferred quick fix of the rounded weights is applied, the
-- outline, go-to-definition and hover on a measure in a formula, completion of fields and
-- codes. Writes what it saw as JSON. Run by tests/lsp/neovim.rs (PIANO_BIN, PIANO_PLAN,
-- PIANO_OUT).
local bin = os.getenv('PIANO_BIN')
local plan = os.getenv('PIANO_PLAN')
local out = os.getenv('PIANO_OUT')
local result = {}

local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, d.code or lsp.code)
  end
  table.sort(list)
  return list
end

local function has(list, code)
  return vim.tbl_contains(list, code)
end

-- The 0-based line and byte column of the first `needle` in the buffer.
local function find(bufnr, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  error('not in the buffer: ' .. needle)
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(plan))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'piano',
    cmd = { bin, 'lsp' },
    root_dir = vim.fn.fnamemodify(plan, ':p:h'),
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  local function request(method, params)
    result.last_request = method
    local response = client.request_sync(method, params, 20000, bufnr)
    assert(response, 'no answer to ' .. method)
    assert(not response.err, vim.inspect(response.err))
    return response.result
  end
  local function at(line, col)
    -- Plain ASCII lines: byte columns are UTF-16 columns.
    return {
      textDocument = vim.lsp.util.make_text_document_params(bufnr),
      position = { line = line, character = col },
    }
  end

  assert(vim.wait(20000, function() return has(codes(bufnr), 'W0501') end, 20), 'no W0501')
  result.opened = codes(bufnr)

  -- Typing a wrong weight (100% → 90%): its error appears; typed back, it goes.
  local line = find(bufnr, 'peso 100%')
  vim.api.nvim_buf_set_lines(bufnr, line, line + 1, false, { '    peso 90%' })
  result.typed = vim.wait(20000, function() return #codes(bufnr) > #result.opened end, 20)
  result.after_typing = codes(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, line, line + 1, false, { '    peso 100%' })
  vim.wait(20000, function() return #codes(bufnr) == #result.opened end, 20)

  -- The quick fix of the rounded weights, as the editor's code action menu applies it.
  local w0501
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if (d.code or ((d.user_data or {}).lsp or {}).code) == 'W0501' then
      w0501 = d
    end
  end
  local point = { line = w0501.lnum, character = w0501.col }
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = point, ['end'] = { line = point.line, character = point.character } },
    -- (0.7 keeps only part of the protocol's diagnostic; the server reads the range.)
    context = { diagnostics = {} },
  }
  local actions = request('textDocument/codeAction', params)
  result.actions = {}
  local preferred
  for _, a in ipairs(actions) do
    table.insert(result.actions, a.title)
    if a.isPreferred and not preferred then
      preferred = a
    end
  end
  assert(preferred, 'no preferred action')
  result.applied = preferred.title
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding)
  result.fixed = vim.wait(20000, function() return not has(codes(bufnr), 'W0501') end, 20)
  result.after_fix = codes(bufnr)
  result.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'

  -- The outline: the objectives under their strategic lines.
  result.objectives = {}
  local symbols = request('textDocument/documentSymbol', {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
  })
  local function walk(list)
    for _, s in ipairs(list or {}) do
      if s.name:match('_OS%d+') then
        table.insert(result.objectives, s.name)
      end
      walk(s.children)
    end
  end
  walk(symbols)

  -- Definition and hover on a measure in a formula.
  local fl, fc = find(bufnr, '/ imprese_registrate')
  local def = request('textDocument/definition', at(fl, fc + 2))
  if def[1] then
    def = def[1]
  end
  result.definition_line = (def.range or def.targetRange).start.line
  result.measure_line = find(bufnr, 'misura imprese_registrate')
  local hover = request('textDocument/hover', at(fl, fc + 2))
  result.hover = hover.contents.value or hover.contents

  -- Completion: the fields on a new line of an indicator, the mission codes after `missione `.
  local il = find(bufnr, 'algoritmo "Numero di pratiche"')
  vim.api.nvim_buf_set_lines(bufnr, il, il, false, { '    ' })
  local items = request('textDocument/completion', at(il, 4))
  result.fields = {}
  for _, i in ipairs(items.items or items) do
    table.insert(result.fields, i.label)
  end
  local ml = find(bufnr, 'missione 032')
  vim.api.nvim_buf_set_lines(bufnr, ml, ml + 1, false, { '  missione ' })
  items = request('textDocument/completion', at(ml, 11))
  result.missions = {}
  for _, i in ipairs(items.items or items) do
    table.insert(result.missions, i.label)
  end
  client.stop()
end)
if not ok then
  result.error = tostring(err)
end
finish()
