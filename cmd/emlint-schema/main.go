// Command emlint-schema validates bodies against the JSON Schemas teams
// bring as standards. emlint starts it, beside itself, only when a run has
// a `schema:` standard; it is not meant to be run by hand.
package main

import (
	"fmt"
	"os"

	"github.com/emlint/emlint/internal/standards/schemaserver"
)

func main() {
	if err := schemaserver.Serve(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "emlint-schema:", err)
		os.Exit(2)
	}
}
