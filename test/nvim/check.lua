-- Drives emlint's language server from headless Neovim (0.7 or newer), as
-- test/nvim/run.sh starts it: `nvim --headless --clean -u NONE -c "luafile
-- check.lua" BAD.json`. It starts the server, attaches the buffer, waits for
-- diagnostics, writes them to $EMLINT_NVIM_OUT one a line as
--
--   LINE:COL:SEVERITY:CODE:MESSAGE
--
-- (1-based line, 1-based column in characters, computed back from the byte
-- column Neovim derived from the server's UTF-16 position, so it is the
-- column `emlint lint` prints), checks the hover over the first finding,
-- runs its "Explain rule" code action and applies its "Ignore this finding"
-- one through Neovim's own code action menu (vim.lsp.buf.code_action, with
-- vim.ui.select answered by this script), writes out the edited
-- .emlint.yaml of the working directory and waits for the finding to go,
-- then replaces the unsaved buffer with the
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

  -- The code actions at the first finding, chosen as a user would in the
  -- menu. "Explain rule" has a command the client has no handler for, so
  -- Neovim sends workspace/executeCommand, and the server answers with
  -- window/showMessage.
  local doc = vim.api.nvim_get_current_buf()
  local titles, pick = {}, nil
  vim.ui.select = function(items, _, on_choice)
    titles = {}
    local chosen, index
    for i, item in ipairs(items) do
      table.insert(titles, item[2].title)
      if item[2].title:find(pick, 1, true) == 1 then
        chosen, index = item, i
      end
    end
    on_choice(chosen, index)
  end
  local shown
  vim.lsp.handlers["window/showMessage"] = function(_, result)
    shown = result
  end
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  pick = "Explain rule "
  vim.lsp.buf.code_action()
  if not vim.wait(10000, function() return shown ~= nil end, 50) then
    say("FAIL: no window/showMessage within 10 s of choosing Explain rule; actions: " .. table.concat(titles, " | "))
    return false
  end
  say("actions: " .. table.concat(titles, " | "))
  if shown.type == 3 and shown.message:find(tostring(first.code) .. " (", 1, true) == 1 and shown.message:find("To silence it", 1, true) then
    say("explain: " .. tostring(first.code) .. ", its help shown")
  else
    say("FAIL: Explain rule showed type " .. tostring(shown.type) .. ": " .. tostring(shown.message))
  end

  -- "Ignore this finding" edits .emlint.yaml (creating it if need be) in a
  -- buffer; written out, the server reads it at the next lint.
  local cfg = vim.fn.getcwd() .. "/.emlint.yaml"
  local function cfg_buf()
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_get_name(b) == cfg and vim.api.nvim_buf_is_loaded(b) then
        local text = table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), "\n")
        if text:find('rules: ["' .. tostring(first.code) .. '"]', 1, true) then
          return b
        end
      end
    end
  end
  pick = "Ignore this finding in .emlint.yaml"
  vim.lsp.buf.code_action()
  if not vim.wait(10000, function() return cfg_buf() ~= nil end, 50) then
    say("FAIL: no buffer of " .. cfg .. " with the entry within 10 s of choosing Ignore this finding")
    return false
  end
  vim.api.nvim_buf_call(cfg_buf(), function() vim.cmd("silent write") end)
  for _, l in ipairs(vim.fn.readfile(cfg)) do
    say("config|" .. (l ~= "" and (" " .. l) or ""))
  end
  -- Any change makes the server lint again, now with the entry.
  vim.api.nvim_buf_set_lines(doc, 0, -1, false, vim.api.nvim_buf_get_lines(doc, 0, -1, false))
  local function still()
    for _, d in ipairs(vim.diagnostic.get(doc)) do
      if d.code == first.code then
        return true
      end
    end
    return false
  end
  if not vim.wait(10000, function() return not still() end, 50) then
    say("FAIL: " .. tostring(first.code) .. " is still reported 10 s after writing out the ignore entry")
    return false
  end
  say("ignored: " .. tostring(first.code) .. " no longer reported")

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
