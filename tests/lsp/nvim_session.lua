-- nvim_session.lua - the language server through a real client: Neovim's
-- built-in LSP client, headless.  Run from a copy of tests/lsp/ws with
-- $CHARTERC set (test_lsp.sh does): opens main.charter, waits for its
-- diagnostics (Neovim turns the UTF-16 range into a byte column, so the
-- column checks the conversion end to end), asks for a definition across
-- the used file, applies a quick fix, decodes the semantic tokens, applies
-- "allow this finding", completes a statement name, highlights a name,
-- renames a partner across the used file, formats a messy buffer through
-- the server, and checks that the server exits with status 0 after
-- shutdown.  Prints "ok NAME" or "FAIL NAME: why", then "nvim session
-- done".  Neovim 0.7 has no vim.lsp.start; start_client and
-- buf_attach_client work in 0.7 and later.
local function out(s) io.stdout:write(s .. "\n") end
local function check(name, cond, why)
  if cond then out("ok nvim: " .. name) else out("FAIL nvim: " .. name .. ": " .. tostring(why)) end
end

local exit_code
vim.cmd("edit main.charter")
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "charter",
  cmd = { os.getenv("CHARTERC"), "lsp" },
  root_dir = vim.fn.getcwd(),
  on_exit = function(code) exit_code = code end,
})
check("the client starts the server", client_id ~= nil, "start_client failed")
vim.lsp.buf_attach_client(buf, client_id)

vim.wait(5000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local diags = vim.diagnostic.get(buf)
check("diagnostics arrive", #diags == 1, #diags)
if diags[1] then
  -- `lead citty` on line 10, after "Café 🎒 ☕": byte column 35.
  check("at the right byte column after non-ASCII text", diags[1].lnum == 9 and diags[1].col == 35,
        diags[1].lnum .. ":" .. diags[1].col)
  check("with the check's name as code", diags[1].code == "undefined_name", diags[1].code)
end

local client = vim.lsp.get_client_by_id(client_id)
local res = client.request_sync("textDocument/definition", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 4, character = 7 },   -- `lead city` in the agreement
}, 5000, buf)
local loc = res and res.result
check("definition in the used file", loc and loc.uri and loc.uri:match("/partners%.charter$")
      and loc.range.start.line == 0, vim.inspect(res))

-- What a user sees of the quick fixes: the fix of `citty` applied, then
-- "allow this finding" for a goal without indicators, which inserts the
-- allow at the top of the file; the finding then goes away.
local function actions_at(line, col)
  local r = client.request_sync("textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = line, character = col }, ["end"] = { line = line, character = col } },
    context = { diagnostics = {} },
  }, 5000, buf)
  return r and r.result or {}
end
local function apply(action)
  vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
end
local fix = actions_at(9, 31)
check("the did-you-mean fix is offered", fix[1] and fix[1].title == "Change to 'city'", vim.inspect(fix))
if fix[1] then apply(fix[1]) end
check("and applied", vim.api.nvim_buf_get_lines(buf, 9, 10, false)[1]:match("lead city }$"),
      vim.api.nvim_buf_get_lines(buf, 9, 10, false)[1])
-- Semantic tokens: Neovim 0.7 does not ask for them itself (0.9 does), so
-- the session asks and decodes them with the legend of initialize; the
-- partner after the emoji of line 10 starts at UTF-16 column 30, which
-- Neovim's own conversion puts at byte column 35.
local caps = client.server_capabilities or {}
local legend = caps.semanticTokensProvider and caps.semanticTokensProvider.legend
local sem = client.request_sync("textDocument/semanticTokens/full", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
}, 5000, buf)
local toks, line, col = {}, 0, 0
local data = sem and sem.result and sem.result.data or {}
for i = 1, #data - 4, 5 do
  line = line + data[i]
  col = data[i] == 0 and col + data[i + 1] or data[i + 1]
  table.insert(toks, { line = line, col = col, len = data[i + 2],
                       type = legend and legend.tokenTypes[data[i + 3] + 1] })
end
local partner
for _, t in ipairs(toks) do
  if t.line == 9 and t.type == "class" then partner = t end
end
local text9 = vim.api.nvim_buf_get_lines(buf, 9, 10, false)[1]
check("semantic tokens: 16, the partner after the emoji at UTF-16 column 30", #toks == 16 and
      partner and partner.col == 30 and partner.len == 4 and
      vim.str_byteindex(text9, partner.col, true) == 35, vim.inspect(sem))
local function codes()
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do seen[d.code] = true end
  return seen
end
vim.wait(5000, function() return codes()["goal_unmeasured"] end, 20)
local allow
for _, a in ipairs(actions_at(7, 5)) do
  if a.title == "Allow goal_unmeasured in this file (with a reason)" then allow = a end
end
check("allow this finding is offered", allow ~= nil, vim.inspect(actions_at(7, 5)))
if allow then apply(allow) end
check("the allow is inserted at the top",
      vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1] == 'allow goal_unmeasured "why this is accepted"',
      vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1])
vim.wait(5000, function() return not codes()["goal_unmeasured"] end, 20)
check("and the finding goes away", not codes()["goal_unmeasured"], vim.inspect(codes()))

-- Completion at a new line of the milestone: its statements not given yet.
local last = vim.api.nvim_buf_line_count(buf)
vim.api.nvim_buf_set_lines(buf, last - 1, last - 1, false, { "  " })
local comp = client.request_sync("textDocument/completion", {
  textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = last - 1, character = 2 },
}, 5000, buf)
local labels = {}
for _, it in ipairs(comp and comp.result or {}) do labels[it.label] = true end
check("completion offers the block's statements", labels["after"] and labels["allow"] and
      not labels["due"] and not labels["owner"], vim.inspect(labels))
local hl = client.request_sync("textDocument/documentHighlight", {
  textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 5, character = 7 },
}, 5000, buf)
check("document highlight: every `city` of the buffer", hl and hl.result and #hl.result == 3,
      vim.inspect(hl))

-- Rename `city` (declared in the used file, which is not open) as
-- Neovim's client applies it: every place in this buffer and the used
-- file, which the client loads into a buffer of its own.
local rn = client.request_sync("textDocument/rename", {
  textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 5, character = 7 },
  newName = "town",
}, 5000, buf)
if rn and rn.result then vim.lsp.util.apply_workspace_edit(rn.result, "utf-16") end
local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
local _, towns = text:gsub("%f[%w_]town%f[^%w_]", "")
check("rename applied in the buffer", towns == 3 and not text:find("%f[%w_]city%f[^%w_]"), text)
local pbuf = vim.fn.bufnr(vim.fn.getcwd() .. "/partners.charter")
check("rename applied in the used file", pbuf > 0 and
      vim.api.nvim_buf_get_lines(pbuf, 0, 1, false)[1]:match("^partner town "),
      pbuf > 0 and vim.api.nvim_buf_get_lines(pbuf, 0, 1, false)[1] or vim.inspect(rn))

vim.api.nvim_buf_set_lines(buf, 0, -1, false,
  { 'agreement demo "D" {', "      term 2024-01-01   to 2025-12-31", "}" })
if vim.lsp.buf.format then
  vim.lsp.buf.format({ bufnr = buf, timeout_ms = 5000 })
else
  vim.lsp.buf.formatting_sync(nil, 5000)
end
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
check("formatting applied by the client", lines[2] == "  term 2024-01-01 to 2025-12-31",
      vim.inspect(lines))

client.stop()
vim.wait(5000, function() return exit_code ~= nil end, 20)
check("the server exits with status 0 after shutdown", exit_code == 0, exit_code)
out("nvim session done")
vim.cmd("qa!")
