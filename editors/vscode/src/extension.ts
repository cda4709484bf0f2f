// The VS Code extension: starts `emlint lsp` over stdio for the documents
// emlint reads. Diagnostics, quick fixes and hover (a rule's help) come from
// the server; this file only wires settings to it.
import { execFile } from "node:child_process";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";
import { binaryProblem, documentSelector, serverCommand } from "./logic";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const settings = vscode.workspace.getConfiguration("emlint");
  const cmd = serverCommand({ path: settings.get<string>("path", "emlint"), config: settings.get<string>("config", "") });
  const problem = await check(cmd.command);
  if (problem !== "") {
    void vscode.window.showErrorMessage(problem);
    return;
  }
  const serverOptions: ServerOptions = { command: cmd.command, args: cmd.args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = { documentSelector };
  client = new LanguageClient("emlint", "emlint", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("emlint.path") || e.affectsConfiguration("emlint.config")) {
        void vscode.window.showInformationMessage("emlint: reload the window to use the new settings.");
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

// check runs `emlint version` and says what is wrong, if anything.
function check(command: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, ["version"], { timeout: 10000 }, (err, stdout) => {
      const code = err ? String((err as NodeJS.ErrnoException).code ?? "failed") : undefined;
      resolve(binaryProblem(command, code, stdout ?? ""));
    });
  });
}
