// Command emlint lints Microsoft Graph entitlement-management request
// bodies. See README.md, or run `emlint help`.
package main

import (
	"os"

	"github.com/emlint/emlint/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
