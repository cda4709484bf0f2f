import { strict as assert } from "node:assert";
import { test } from "node:test";
import { binaryProblem, documentSelector, serverCommand } from "../logic";

test("the server command: emlint lsp, with --config when set", () => {
  assert.deepEqual(serverCommand({ path: "emlint", config: "" }), { command: "emlint", args: ["lsp"] });
  assert.deepEqual(serverCommand({ path: " /opt/bin/emlint ", config: " .emlint.yaml " }), {
    command: "/opt/bin/emlint",
    args: ["lsp", "--config", ".emlint.yaml"],
  });
  assert.deepEqual(serverCommand({ path: "", config: "" }), { command: "emlint", args: ["lsp"] }, "an empty path falls back to emlint on PATH");
});

test("a missing binary gives one message with the install command", () => {
  const msg = binaryProblem("emlint", "ENOENT", "");
  assert.match(msg, /emlint was not found \(emlint\)/);
  assert.match(msg, /go install github\.com\/emlint\/emlint\/cmd\/emlint@latest/);
  assert.match(msg, /emlint\.path/);
});

test("a binary that cannot run, or is not emlint, is named", () => {
  assert.match(binaryProblem("/x/emlint", "EACCES", ""), /permission denied/);
  assert.match(binaryProblem("/x/emlint", "ETIMEDOUT", ""), /could not be run \(ETIMEDOUT\)/);
  assert.match(binaryProblem("/usr/bin/true", undefined, ""), /is not emlint/);
  assert.equal(binaryProblem("emlint", undefined, "emlint v0.2.0\n"), "");
});

test("the documents emlint reads", () => {
  const languages = new Set(documentSelector.map((d) => d.language));
  for (const l of ["json", "jsonc", "powershell", "terraform", "http", "markdown"]) {
    assert.ok(languages.has(l), l);
  }
});
