//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package load

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO is never opened: named, it is an error; found by walking, it is
// skipped. Opening one would block until a writer came, so the calls run
// under a timeout.
func TestFIFO(t *testing.T) {
	root := t.TempDir()
	write(t, root, "d/a.json")
	fifo := filepath.Join(root, "d", "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot create a FIFO here: %v", err)
	}

	t.Run("named", func(t *testing.T) {
		files := within(t, 5*time.Second, func() []File { return Files([]string{fifo}, Options{}) })
		if len(files) != 1 {
			t.Fatalf("got %d files, want 1", len(files))
		}
		f := files[0]
		if f.Name != fifo || f.Err == nil || !strings.Contains(f.Err.Error(), "not a regular file") {
			t.Errorf("got %q, Err %v; want an error mentioning \"not a regular file\"", f.Name, f.Err)
		}
		if f.Data != nil {
			t.Errorf("Data = %q, want nil", f.Data)
		}
	})

	t.Run("walked", func(t *testing.T) {
		files := within(t, 5*time.Second, func() []File { return Files([]string{filepath.Join(root, "d")}, Options{}) })
		noErrors(t, files)
		if got, want := names(files), join(root, "d/a.json"); !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})

	t.Run("named among others", func(t *testing.T) {
		a := filepath.Join(root, "d", "a.json")
		files := within(t, 5*time.Second, func() []File { return Files([]string{fifo, a}, Options{}) })
		if got, want := names(files), []string{fifo, a}; !reflect.DeepEqual(got, want) {
			t.Fatalf("got %q, want %q", got, want)
		}
		if files[0].Err == nil || files[1].Err != nil {
			t.Errorf("errors %v, %v: want only the FIFO's", files[0].Err, files[1].Err)
		}
	})
}

// A device named explicitly is not read either (/dev/null would read as an
// empty body, /dev/zero forever).
func TestDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	files := within(t, 5*time.Second, func() []File { return Files([]string{"/dev/zero"}, Options{}) })
	if len(files) != 1 || files[0].Err == nil || !strings.Contains(files[0].Err.Error(), "not a regular file") {
		t.Errorf("got %+v, want a \"not a regular file\" error", files)
	}
}

func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can read any file")
	}
	root := t.TempDir()
	write(t, root, "d/a.json", "d/secret.json", "d/locked/x.json")
	secret := filepath.Join(root, "d", "secret.json")
	locked := filepath.Join(root, "d", "locked")
	if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })

	t.Run("named", func(t *testing.T) {
		files := Files([]string{secret}, Options{})
		if len(files) != 1 || files[0].Err == nil {
			t.Fatalf("got %+v, want one file with Err", files)
		}
		if msg := files[0].Err.Error(); !strings.Contains(msg, secret) || !strings.Contains(msg, "permission denied") {
			t.Errorf("Err = %q, want the path and \"permission denied\"", msg)
		}
	})

	t.Run("walked", func(t *testing.T) {
		files := Files([]string{filepath.Join(root, "d")}, Options{})
		got := map[string]error{}
		for _, f := range files {
			got[f.Name] = f.Err
		}
		a := filepath.Join(root, "d", "a.json")
		if err, ok := got[a]; !ok || err != nil {
			t.Errorf("%s: present %v, err %v; want read", a, ok, err)
		}
		if err, ok := got[secret]; !ok || err == nil {
			t.Errorf("%s: present %v, err %v; want an error", secret, ok, err)
		}
		if err, ok := got[locked]; !ok || err == nil {
			t.Errorf("%s: present %v, err %v; want an error for the unreadable directory", locked, ok, err)
		}
	})
}
