-- Drives emlint's language server from headless Neovim (0.7 or newer), as
-- test/nvim/run.sh starts it: `nvim --headless --clean -u NONE -c "luafile
-- check.lua" BAD.json`. It starts the server, attaches the buffer, waits for
-- diagnostics, writes them to $EMLINT_NVIM_OUT one a line as
--
--   LINE:COL:SEVERITY:CODE:MESSAGE
--
-- (1-based line, 1-based column in characters, computed back from the byte
-- column Neovim derived from the server's UTF-16 position, so it is the
-- column `emlint lint` prints), then replaces the unsaved buffer with the
-- fixed body in $EMLINT_FIXED_BODY and waits for the errors and warnings
-- to clear (an info may stay, so that a new advisory rule does not break
-- this test of the protocol), stops the server, and quits with status 0,
-- or 1 when something did not happen in time. run.sh compares the output with what it expects.
--
-- Environment: EMLINT_LSP_CMD, the server's command as a JSON array;
-- EMLINT_NVIM_OUT, the output file; EMLINT_FIXED_BODY, a clean body's file.
-- Uses vim.lsp.start_client, not vim.lsp.start, which Neovim 0.7 lacks.

local out_path = os.getenv("EMLINT_NVIM_OUT")
local lines = {}

local function say(s)
  table.insert(lines, s)
end

local function finish(ok)
  local f = io.open(out_path or "/dev/stderr", "w")
  for _, l in ipairs(lines) do
    f:write(l, "\n")
  end
  f:close()
  if ok then
    vim.cmd("qall!")
  else
    vim.cmd("cquit! 1")
  end
end

local function main()
  assert(out_path, "EMLINT_NVIM_OUT is not set")
  local cmd_json = assert(os.getenv("EMLINT_LSP_CMD"), "EMLINT_LSP_CMD is not set")
  local cmd = vim.fn.json_decode(cmd_json)
  local fixed_body = assert(os.getenv("EMLINT_FIXED_BODY"), "EMLINT_FIXED_BODY is not set")

  local exited, exit_code, exit_signal = false, nil, nil
  local client_id = vim.lsp.start_client({
    name = "emlint",
    cmd = cmd,
    root_dir = vim.fn.getcwd(),
    on_exit = function(code, signal)
      exited, exit_code, exit_signal = true, code, signal
    end,
  })
  if not client_id then
    say("FAIL: could not start " .. table.concat(cmd, " "))
    return false
  end
  vim.lsp.buf_attach_client(0, client_id)

  if not vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 50) then
    say("FAIL: no diagnostics within 10 s" .. (exited and (" (the server exited with " .. tostring(exit_code) .. ")") or ""))
    return false
  end
  local diags = vim.diagnostic.get(0)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  for _, d in ipairs(diags) do
    local text = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1] or ""
    local chars = vim.str_utfindex(text, math.min(d.col, #text))
    say(string.format("%d:%d:%d:%s:%s", d.lnum + 1, chars + 1, d.severity, tostring(d.code), d.message))
    local lsp = (d.user_data or {}).lsp or {}
    local href = (lsp.codeDescription or {}).href
    if d.source ~= "emlint" then
      say("FAIL: source is " .. tostring(d.source) .. ", want emlint")
    end
    if href ~= "https://github.com/emlint/emlint/blob/main/README.md#rules" then
      say("FAIL: codeDescription.href is " .. tostring(href))
    end
  end

  -- Hover over the first finding: its message and its rule's help.
  local first = diags[1]
  local first_text = vim.api.nvim_buf_get_lines(0, first.lnum, first.lnum + 1, false)[1] or ""
  local _, utf16 = vim.str_utfindex(first_text, math.min(first.col + 1, #first_text))
  local hover = vim.lsp.buf_request_sync(0, "textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    position = { line = first.lnum, character = utf16 },
  }, 10000)
  local value = ""
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then
      value = r.result.contents.value or ""
    end
  end
  if value:find("**emlint " .. tostring(first.code) .. "**", 1, true) and value:find("To silence it", 1, true) then
    say("hover: " .. tostring(first.code) .. ", with its help")
  else
    say("FAIL: hover over " .. tostring(first.code) .. " gave: " .. value)
  end

  -- Fix the body without saving it: didChange carries the new text.
  vim.api.nvim_buf_set_lines(0, 0, -1, false, vim.fn.readfile(fixed_body))
  local serious = { severity = { min = vim.diagnostic.severity.WARN } }
  if not vim.wait(10000, function() return #vim.diagnostic.get(0, serious) == 0 end, 50) then
    say("FAIL: errors and warnings did not clear within 10 s of fixing the buffer:")
    for _, d in ipairs(vim.diagnostic.get(0, serious)) do
      say(string.format("  %d:%d:%d:%s:%s", d.lnum + 1, d.col + 1, d.severity, tostring(d.code), d.message))
    end
    return false
  end
  say("fixed: no errors or warnings")

  vim.lsp.stop_client(client_id)
  if not vim.wait(10000, function() return exited end, 50) then
    say("FAIL: the server did not exit within 10 s of shutdown")
    return false
  end
  say(string.format("server exit: code %s, signal %s", tostring(exit_code), tostring(exit_signal)))
  return true
end

local ok, result = xpcall(main, debug.traceback)
if not ok then
  say("FAIL: " .. tostring(result))
end
finish(ok and result)
