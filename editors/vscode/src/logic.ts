// The extension's own logic, apart from VS Code's API so that it is tested
// with Node alone (src/test): the server's command line from the settings,
// and what to tell the user when the binary cannot be run.

export interface Settings {
  path: string; // emlint.path
  config: string; // emlint.config
}

export interface ServerCommand {
  command: string;
  args: string[];
}

// serverCommand is how the language server is started: `emlint lsp`, with
// the configuration file the settings name, if any.
export function serverCommand(settings: Settings): ServerCommand {
  const command = settings.path.trim() || "emlint";
  const args = ["lsp"];
  const config = settings.config.trim();
  if (config !== "") {
    args.push("--config", config);
  }
  return { command, args };
}

export const installCommand = "go install github.com/emlint/emlint/cmd/emlint@latest";

// binaryProblem says, in one message, why `emlint version` could not run or
// says emlint is too old for the language server, and what to do; "" when
// it is fine. code is the error code of the failed run (ENOENT: not found),
// stdout what it printed.
export function binaryProblem(command: string, code: string | undefined, stdout: string): string {
  if (code === "ENOENT") {
    return `emlint was not found (${command}): install it with \`${installCommand}\`, or set emlint.path to the binary.`;
  }
  if (code === "EACCES") {
    return `emlint at ${command} cannot be run (permission denied): make it executable, or set emlint.path to another binary.`;
  }
  if (code !== undefined) {
    return `emlint at ${command} could not be run (${code}): check emlint.path, or reinstall it with \`${installCommand}\`.`;
  }
  if (!/^emlint\s/.test(stdout)) {
    return `${command} is not emlint (its version says ${JSON.stringify(stdout.trim().slice(0, 60))}): set emlint.path to the emlint binary.`;
  }
  return "";
}

// documentSelector lists the documents the server reads: JSON, PowerShell,
// Terraform, .http and Markdown files.
export const documentSelector = [
  { scheme: "file", language: "json" },
  { scheme: "file", language: "jsonc" },
  { scheme: "file", language: "powershell" },
  { scheme: "file", language: "terraform" },
  { scheme: "file", language: "http" },
  { scheme: "file", language: "markdown" },
  { scheme: "untitled", language: "json" },
];
