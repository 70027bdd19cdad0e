-- Charter in Neovim: the filetype and the language server (`charterc lsp`).
-- Put this file in ~/.config/nvim/plugin/ (or paste it into init.lua).
-- Neovim 0.8 or later has vim.lsp.start; 0.7 needs the fallback below.
vim.cmd([[autocmd BufRead,BufNewFile *.charter setfiletype charter]])

vim.api.nvim_create_autocmd("FileType", {
  pattern = "charter",
  callback = function(args)
    local config = {
      name = "charter",
      cmd = { "charterc", "lsp" },
      -- The folder of the agreement: `use` paths are relative to it.
      root_dir = vim.fs and vim.fs.dirname(args.file) or vim.fn.fnamemodify(args.file, ":p:h"),
    }
    if vim.lsp.start then
      vim.lsp.start(config)
    else
      local id = vim.lsp.start_client(config)
      if id then vim.lsp.buf_attach_client(args.buf, id) end
    end
  end,
})
