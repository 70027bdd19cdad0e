-- Charter in Neovim: the filetype and the language server (`charterc lsp`).
-- Put this file in ~/.config/nvim/plugin/ (or paste it into init.lua).
-- `charterc` must be on PATH (or change `cmd`).  Neovim 0.8 or later has
-- vim.lsp.start; 0.7 takes the fallback below.
vim.cmd([[autocmd BufRead,BufNewFile *.charter setfiletype charter]])

local clients = {}   -- 0.7: the client of each root folder

vim.api.nvim_create_autocmd("FileType", {
  pattern = "charter",
  callback = function(args)
    -- The folder of the agreement: `use` paths are relative to it.
    local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h")
    local config = { name = "charter", cmd = { "charterc", "lsp" }, root_dir = root }
    if vim.lsp.start then
      -- One server per root folder: a buffer of a folder that has one
      -- attaches to it.
      vim.lsp.start(config, { bufnr = args.buf })
      return
    end
    local id = clients[root]
    if not id or not vim.lsp.get_client_by_id(id) then
      id = vim.lsp.start_client(config)
      clients[root] = id
    end
    if id then vim.lsp.buf_attach_client(args.buf, id) end
  end,
})
