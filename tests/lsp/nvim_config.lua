-- nvim_config.lua - the Neovim configuration users copy,
-- editors/neovim/charter.lua, in a real Neovim, headless: test_lsp.sh
-- sources it, with `charterc` on PATH, then this file, from a copy of
-- tests/lsp/ws.  A second buffer of the folder attaches to the same
-- server.  Prints "ok NAME" or "FAIL NAME: why", then "nvim config done".
local function out(s) io.stdout:write(s .. "\n") end
local function check(name, cond, why)
  if cond then out("ok nvim config: " .. name) else out("FAIL nvim config: " .. name .. ": " .. tostring(why)) end
end

vim.cmd("edit main.charter")
local buf = vim.api.nvim_get_current_buf()
check("a .charter file gets the filetype charter", vim.bo[buf].filetype == "charter", vim.bo[buf].filetype)
vim.wait(5000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local diags = vim.diagnostic.get(buf)
check("the server starts and its diagnostics arrive",
      #diags == 1 and diags[1].code == "undefined_name", vim.inspect(diags))
local function charter_clients(b)
  local found = {}
  for _, c in pairs(vim.lsp.buf_get_clients(b)) do
    if c.name == "charter" then table.insert(found, c) end
  end
  return found
end
local mine = charter_clients(buf)
check("one client named charter, rooted at the file's folder",
      #mine == 1 and mine[1].config.root_dir == vim.fn.getcwd(), vim.inspect(#mine))
vim.cmd("edit partners.charter")
local other = charter_clients(vim.api.nvim_get_current_buf())
check("a second file of the folder shares the server",
      #other == 1 and mine[1] and other[1].id == mine[1].id, vim.inspect(#other))
for _, c in ipairs(mine) do c.stop() end
out("nvim config done")
vim.cmd("qa!")
