//go:build !(linux || darwin)

package load

import "os"

func readRegular(path string) ([]byte, error) { return os.ReadFile(path) }
