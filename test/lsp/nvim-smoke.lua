-- Neovim smoke test for the language server (push diagnostics only, as Neovim 0.7 takes them).
-- Usage: PML_SERVER=dist/server.js PML_FILE=<postmortem.md> nvim --headless -u NONE -c "luafile test/lsp/nvim-smoke.lua"
-- Prints one line per diagnostic ("DIAG line:col rule message"), the code action titles on the first one
-- ("ACTION title"), then "DONE"; exits 1 with "TIMEOUT" when no diagnostics arrive.
local server = os.getenv('PML_SERVER')
local file = os.getenv('PML_FILE')
local out = io.stdout

local function finish(code)
  out:flush()
  vim.cmd((code == 0 and 'qa!') or 'cq!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'markdown'

local client_id = vim.lsp.start_client({
  name = 'postmortem-lint',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  on_exit = function(code)
    if code ~= 0 then out:write('SERVER EXIT ' .. tostring(code) .. '\n') end
  end,
})
vim.lsp.buf_attach_client(bufnr, client_id)

local got = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
if not got then
  out:write('TIMEOUT\n')
  finish(1)
  return
end

local diags = vim.diagnostic.get(bufnr)
table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
for _, d in ipairs(diags) do
  local lsp = d.user_data and d.user_data.lsp or {}
  out:write(string.format('DIAG %d:%d %s %s\n', d.lnum + 1, d.col + 1, tostring(lsp.code or d.code), (d.message:gsub('\n', ' '))))
end

-- Code actions for the first diagnostic, as `:lua vim.lsp.buf.code_action()` asks: Neovim keeps only part of the
-- LSP diagnostic in user_data.lsp (code, data…), so the range and message are put back as it does.
local d1 = diags[1]
local first = vim.tbl_extend('keep', {
  range = {
    start = { line = d1.lnum, character = d1.col },
    ['end'] = { line = d1.end_lnum, character = d1.end_col },
  },
  severity = d1.severity,
  message = d1.message,
  source = d1.source,
}, d1.user_data and d1.user_data.lsp or {})
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = first.range,
  context = { diagnostics = { first } },
}
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
for _, res in pairs(responses) do
  if res.err then out:write('ERROR ' .. vim.inspect(res.err) .. '\n') end
  for _, action in ipairs(res.result or {}) do
    out:write('ACTION ' .. action.title .. '\n')
  end
end

-- Type an owner into the first item (Neovim sends it as an incremental change): its finding must go away.
local before = #vim.diagnostic.get(bufnr)
local line = vim.api.nvim_buf_get_lines(bufnr, d1.lnum, d1.lnum + 1, false)[1]
local at = line:find(', due', 1, true)
if at then
  vim.api.nvim_buf_set_text(bufnr, d1.lnum, at - 1, d1.lnum, at - 1, { ' — @sam' })
  local ok = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) < before end, 50)
  out:write(string.format('AFTER EDIT %d -> %d%s\n', before, #vim.diagnostic.get(bufnr), ok and '' or ' (TIMEOUT)'))
end
out:write('DONE\n')
vim.lsp.stop_client(client_id)
finish(0)
