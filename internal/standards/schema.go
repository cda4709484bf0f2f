package standards

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/emlint/emlint/internal/standards/schemaproto"
)

// helper is the emlint-schema process of a run, started on first use:
// a run without a `schema:` standard never starts it.
var helper struct {
	sync.Mutex
	started bool
	err     error
	in      io.WriteCloser
	out     *bufio.Reader
}

// helperPath finds emlint-schema: beside this executable (go install and
// the release put them together), else on PATH.
func helperPath() (string, error) {
	name := "emlint-schema"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if self, err := os.Executable(); err == nil {
		if p := filepath.Join(filepath.Dir(self), name); fileExists(p) {
			return p, nil
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	return "", errors.New("emlint-schema is not installed beside emlint or on PATH: install it with `go install github.com/emlint/emlint/cmd/emlint-schema@<the same version>` (go install ./... in a checkout installs both)")
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// validateSchema validates a body against a schema file with emlint-schema.
func validateSchema(schema, root, body string) ([]schemaproto.Violation, error) {
	helper.Lock()
	defer helper.Unlock()
	if !helper.started {
		helper.started = true
		helper.err = startHelper()
	}
	if helper.err != nil {
		return nil, helper.err
	}
	req, _ := json.Marshal(schemaproto.Request{Schema: schema, Root: root, Body: body})
	if _, err := helper.in.Write(append(req, '\n')); err != nil {
		helper.err = fmt.Errorf("emlint-schema stopped: %v", err)
		return nil, helper.err
	}
	line, err := helper.out.ReadBytes('\n')
	if err != nil {
		helper.err = fmt.Errorf("emlint-schema stopped: %v", err)
		return nil, helper.err
	}
	var resp schemaproto.Response
	if err := json.Unmarshal(line, &resp); err != nil {
		return nil, fmt.Errorf("emlint-schema answered something that is not JSON: %v", err)
	}
	if resp.Error != "" {
		return nil, errors.New(resp.Error)
	}
	return resp.Violations, nil
}

func startHelper() error {
	path, err := helperPath()
	if err != nil {
		return err
	}
	cmd := exec.Command(path)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting %s: %v", path, err)
	}
	helper.in, helper.out = in, bufio.NewReader(out)
	// The process ends when emlint does: its standard input closes.
	return nil
}
