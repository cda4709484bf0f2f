package cli

import (
	"flag"
	"fmt"

	"github.com/emlint/emlint/schemas"
)

// runSchema prints an embedded schema, for editors (VS Code's
// json.schemas, yaml-language-server) and for other validators.
func runSchema(args []string, env Env) int {
	fs := flag.NewFlagSet("emlint schema", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	api := fs.String("api", "v1.0", "API version: `beta` (legacy beta shape) or v1.0")
	kind := fs.String("kind", "policy", "payload kind: `policy` or request")
	if err := fs.Parse(args); err != nil {
		return ExitTrouble
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "emlint schema: unexpected argument %q\n", fs.Arg(0))
		return ExitTrouble
	}
	fl := lintFlags{api: *api, kind: *kind}
	opts, err := fl.options()
	if err != nil {
		fmt.Fprintf(env.Stderr, "emlint schema: %v\n", err)
		return ExitTrouble
	}
	if _, err := env.Stdout.Write(schemas.Bytes(opts.API, opts.Kind)); err != nil {
		return ExitTrouble
	}
	return ExitOK
}
