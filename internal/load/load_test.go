package load

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// write creates files under root; a name ending in "/" is a directory.
func write(t *testing.T, root string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(root, filepath.FromSlash(n))
		if strings.HasSuffix(n, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(`{"file": "`+n+`"}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func names(files []File) []string {
	out := make([]string, 0, len(files))
	for _, f := range files {
		out = append(out, f.Name)
	}
	return out
}

// join makes the expected names of files under root.
func join(root string, rel ...string) []string {
	out := make([]string, 0, len(rel))
	for _, r := range rel {
		out = append(out, filepath.Join(root, filepath.FromSlash(r)))
	}
	return out
}

// within runs f and fails the test if it does not return in time, so that a
// regression that blocks (opening a FIFO, following a symlink loop) fails
// instead of hanging the test binary.
func within(t *testing.T, d time.Duration, f func() []File) []File {
	t.Helper()
	done := make(chan []File, 1)
	go func() { done <- f() }()
	select {
	case files := <-done:
		return files
	case <-time.After(d):
		t.Fatalf("did not return within %v", d)
		return nil
	}
}

func noErrors(t *testing.T, files []File) {
	t.Helper()
	for _, f := range files {
		if f.Err != nil {
			t.Errorf("%s: unexpected error %v", f.Name, f.Err)
		}
	}
}

func TestWalk(t *testing.T) {
	root := t.TempDir()
	write(t, root,
		"b.json", "a.json", "C.JSON", "d.Json", "a-b.json", "a/x.json",
		"e.txt", "f.json.bak", "noext", "json", ".json.txt",
		"sub/z.json", "sub/a.json", "sub/deeper/q.json",
		".hidden/h.json",
		"dir.json/inner.json", // a directory named *.json is walked, not read
		".git/config.json", ".git/objects/x.json",
		"node_modules/pkg/package.json", "sub/node_modules/y.json",
		"vendor/v.json", ".venv/v.json", "__pycache__/p.json", ".terraform/t.json", ".vscode/settings.json", ".idea/i.json",
		".hg/h.json", ".svn/s.json", "venv/v.json",
		"empty/",
	)
	want := join(root,
		".hidden/h.json",
		"C.JSON",
		"a-b.json",
		"a.json",
		"a/x.json",
		"b.json",
		"d.Json",
		"dir.json/inner.json",
		"sub/a.json",
		"sub/deeper/q.json",
		"sub/z.json",
	)
	files := within(t, 10*time.Second, func() []File { return Files([]string{root}, Options{}) })
	noErrors(t, files)
	if got := names(files); !reflect.DeepEqual(got, want) {
		t.Errorf("walk found\n  %q\nwant\n  %q", got, want)
	}
	for _, f := range files {
		rel, _ := filepath.Rel(root, f.Name)
		if wantData := `{"file": "` + filepath.ToSlash(rel) + `"}`; string(f.Data) != wantData {
			t.Errorf("%s: data %q, want %q", f.Name, f.Data, wantData)
		}
	}
}

// A directory that walking skips is still walked when named: the user
// pointed at it.
func TestWalkNamedSkipDir(t *testing.T) {
	root := t.TempDir()
	write(t, root, "node_modules/a.json", "node_modules/pkg/b.json", "node_modules/.git/c.json")
	files := Files([]string{filepath.Join(root, "node_modules")}, Options{})
	noErrors(t, files)
	want := join(root, "node_modules/a.json", "node_modules/pkg/b.json")
	if got := names(files); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A trailing separator on a directory does not leak into the names.
func TestWalkTrailingSlash(t *testing.T) {
	root := t.TempDir()
	write(t, root, "d/a.json", "d/b.json")
	files := Files([]string{filepath.Join(root, "d") + string(filepath.Separator)}, Options{})
	noErrors(t, files)
	if got, want := names(files), join(root, "d/a.json", "d/b.json"); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Files named on the command line are taken whatever their extension, in
// the order given; directories expand in place.
func TestNamedFilesKeepOrder(t *testing.T) {
	root := t.TempDir()
	write(t, root, "z.json", "a.txt", "d/b.json", "d/a.json", "m.JSON")
	paths := join(root, "z.json", "d", "a.txt", "m.JSON")
	files := Files(paths, Options{})
	noErrors(t, files)
	want := join(root, "z.json", "d/a.json", "d/b.json", "a.txt", "m.JSON")
	if got := names(files); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if string(files[3].Data) != `{"file": "a.txt"}` {
		t.Errorf("a.txt data = %q", files[3].Data)
	}
}

func TestMissing(t *testing.T) {
	root := t.TempDir()
	write(t, root, "ok.json")
	for _, c := range []struct {
		name string
		path string
		want string // fragment of Err
	}{
		{"relative missing file", "no/such/file.json", "no/such/file.json: no such file or directory"},
		{"absolute missing file", filepath.Join(root, "nope.json"), filepath.Join(root, "nope.json") + ": no such file or directory"},
		{"missing directory", filepath.Join(root, "gone") + "/", "no such file or directory"},
		{"a file used as a directory", filepath.Join(root, "ok.json", "x.json"), "not a directory"},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := Files([]string{c.path}, Options{})
			if len(files) != 1 {
				t.Fatalf("got %d files, want 1: %+v", len(files), files)
			}
			f := files[0]
			if f.Name != c.path {
				t.Errorf("Name = %q, want %q", f.Name, c.path)
			}
			if f.Err == nil || !strings.Contains(f.Err.Error(), c.want) {
				t.Errorf("Err = %v, want it to mention %q", f.Err, c.want)
			}
			if f.Data != nil {
				t.Errorf("Data = %q, want nil", f.Data)
			}
		})
	}
}

// A missing path does not stop the others from being read.
func TestMissingAmongOthers(t *testing.T) {
	root := t.TempDir()
	write(t, root, "a.json", "b.json")
	files := Files(join(root, "a.json", "missing.json", "b.json"), Options{})
	if got, want := names(files), join(root, "a.json", "missing.json", "b.json"); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if files[0].Err != nil || files[2].Err != nil || files[1].Err == nil {
		t.Errorf("errors: %v, %v, %v; want only the second", files[0].Err, files[1].Err, files[2].Err)
	}
}

func TestSameFileOnce(t *testing.T) {
	root := t.TempDir()
	write(t, root, "x.json", "sub/y.json")
	t.Chdir(root)
	for _, c := range []struct {
		name  string
		paths []string
		want  []string
	}{
		{"same name twice", []string{"x.json", "x.json"}, []string{"x.json"}},
		{"./x and x", []string{"./x.json", "x.json"}, []string{"./x.json"}},
		{"x and ./x", []string{"x.json", "./x.json"}, []string{"x.json"}},
		{"relative and absolute", []string{"x.json", filepath.Join(root, "x.json")}, []string{"x.json"}},
		{"dot-dot path", []string{"sub/../x.json", "x.json"}, []string{"sub/../x.json"}},
		{"file then its directory", []string{"sub/y.json", "sub"}, []string{"sub/y.json"}},
		{"directory then its file", []string{"sub", "./sub/y.json"}, []string{"sub/y.json"}},
		{"directory twice", []string{"sub", "./sub/", "sub"}, []string{"sub/y.json"}},
		{"dot then file", []string{".", "x.json"}, []string{"sub/y.json", "x.json"}},
		{"missing twice", []string{"nope.json", "./nope.json"}, []string{"nope.json"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := Files(c.paths, Options{})
			if got := names(files); !reflect.DeepEqual(got, c.want) {
				t.Errorf("Files(%q) = %q, want %q", c.paths, got, c.want)
			}
		})
	}
}

func TestStdin(t *testing.T) {
	root := t.TempDir()
	write(t, root, "a.json")
	a := filepath.Join(root, "a.json")
	for _, c := range []struct {
		name     string
		paths    []string
		opts     Options
		want     []string
		stdinAt  int
		wantData string
		wantErr  string
	}{
		{"default name", []string{"-"}, Options{Stdin: strings.NewReader(`{"x": 1}`)}, []string{"<stdin>"}, 0, `{"x": 1}`, ""},
		{"given name", []string{"-"}, Options{Stdin: strings.NewReader("body"), StdinFilename: "req.json"}, []string{"req.json"}, 0, "body", ""},
		{"empty input", []string{"-"}, Options{Stdin: strings.NewReader("")}, []string{"<stdin>"}, 0, "", ""},
		{"named twice read once", []string{"-", "-"}, Options{Stdin: strings.NewReader("once")}, []string{"<stdin>"}, 0, "once", ""},
		{"among files, in order", []string{a, "-"}, Options{Stdin: strings.NewReader("s")}, []string{a, "<stdin>"}, 1, "s", ""},
		{"read error", []string{"-"}, Options{Stdin: errReader{}}, []string{"<stdin>"}, 0, "", "reading standard input: boom"},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := Files(c.paths, c.opts)
			if got := names(files); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("names %q, want %q", got, c.want)
			}
			f := files[c.stdinAt]
			if string(f.Data) != c.wantData {
				t.Errorf("Data = %q, want %q", f.Data, c.wantData)
			}
			switch {
			case c.wantErr == "" && f.Err != nil:
				t.Errorf("Err = %v", f.Err)
			case c.wantErr != "" && (f.Err == nil || !strings.Contains(f.Err.Error(), c.wantErr)):
				t.Errorf("Err = %v, want %q", f.Err, c.wantErr)
			case c.wantErr != "" && !errors.Is(f.Err, errBoom):
				t.Errorf("Err = %v does not wrap the reader's error", f.Err)
			}
		})
	}
}

var errBoom = errors.New("boom")

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errBoom }

// Standard input given a file's name is not the same file as that file:
// both must be linted.
func TestStdinFilenameSameAsFile(t *testing.T) {
	root := t.TempDir()
	write(t, root, "req.json")
	t.Chdir(root)
	for _, paths := range [][]string{{"-", "req.json"}, {"req.json", "-"}} {
		files := Files(paths, Options{Stdin: strings.NewReader("stdin body"), StdinFilename: "req.json"})
		if len(files) != 2 {
			t.Errorf("Files(%q) gave %d files, want 2 (standard input and the file): %q", paths, len(files), names(files))
		}
	}
}

// A directory symlink loop inside a walked directory is not followed.
func TestSymlinkLoop(t *testing.T) {
	root := t.TempDir()
	write(t, root, "d/a.json", "d/sub/b.json")
	d := filepath.Join(root, "d")
	for link, target := range map[string]string{
		"d/sub/up":    "..",
		"d/self":      ".",
		"d/abs.json":  d, // a link named *.json to a directory
		"d/link.json": "a.json",
	} {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(link))); err != nil {
			t.Skipf("cannot create symlinks here: %v", err)
		}
	}
	files := within(t, 10*time.Second, func() []File { return Files([]string{d}, Options{}) })
	noErrors(t, files)
	// Symlinks found by walking, to files or directories, are not followed.
	if got, want := names(files), join(root, "d/a.json", "d/sub/b.json"); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}

	// A symlink to a file named explicitly is read.
	files = Files([]string{filepath.Join(d, "link.json")}, Options{})
	if len(files) != 1 || files[0].Err != nil || string(files[0].Data) != `{"file": "d/a.json"}` {
		t.Errorf("explicit file symlink: %+v", files)
	}
}

// A symlink to a directory named on the command line is a directory the
// user pointed at: it is walked (os.Stat says it is a directory), though
// symlinks inside it are not followed.
func TestNamedDirectorySymlink(t *testing.T) {
	root := t.TempDir()
	write(t, root, "real/a.json", "real/sub/b.json")
	link := filepath.Join(root, "link")
	if err := os.Symlink(filepath.Join(root, "real"), link); err != nil {
		t.Skipf("cannot create symlinks here: %v", err)
	}
	files := within(t, 10*time.Second, func() []File { return Files([]string{link}, Options{}) })
	noErrors(t, files)
	if got, want := names(files), join(link, "a.json", "sub/b.json"); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A directory symlink named with a trailing slash is walked (the kernel
// resolves the link before WalkDir's Lstat sees it).
func TestNamedDirectorySymlinkTrailingSlash(t *testing.T) {
	root := t.TempDir()
	write(t, root, "real/a.json", "real/sub/b.json")
	link := filepath.Join(root, "link")
	if err := os.Symlink(filepath.Join(root, "real"), link); err != nil {
		t.Skipf("cannot create symlinks here: %v", err)
	}
	files := within(t, 10*time.Second, func() []File { return Files([]string{link + "/"}, Options{}) })
	noErrors(t, files)
	if got, want := names(files), join(link, "a.json", "sub/b.json"); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Broken symlinks named explicitly are errors, not hangs or panics.
func TestNamedBrokenSymlinks(t *testing.T) {
	root := t.TempDir()
	a, b := filepath.Join(root, "a.json"), filepath.Join(root, "b.json")
	dangling := filepath.Join(root, "dangling.json")
	for link, target := range map[string]string{a: b, b: a, dangling: filepath.Join(root, "gone.json")} {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("cannot create symlinks here: %v", err)
		}
	}
	files := within(t, 5*time.Second, func() []File { return Files([]string{a, dangling}, Options{}) })
	if got, want := names(files), []string{a, dangling}; !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if files[0].Err == nil {
		t.Errorf("%s: a symlink loop gave no error", a)
	}
	if files[1].Err == nil || !strings.Contains(files[1].Err.Error(), "no such file or directory") {
		t.Errorf("%s: Err = %v, want no such file or directory", dangling, files[1].Err)
	}
	// Found by walking, they are skipped without error.
	files = within(t, 5*time.Second, func() []File { return Files([]string{root}, Options{}) })
	if len(files) != 0 {
		t.Errorf("walking found %q, want nothing", names(files))
	}
}

func TestInside(t *testing.T) {
	sep := string(filepath.Separator)
	root := filepath.Join(sep+"repo", "team")
	for path, want := range map[string]bool{
		root:                                      true,
		filepath.Join(root, "schemas", "a.json"):  true,
		filepath.Join(root, "..foo", "a.json"):    true, // a name that starts with "..", still inside
		filepath.Join(root, "..", "other.json"):   false,
		filepath.Join(sep+"repo", "team2", "x"):   false,
		filepath.Join(root, "a", "..", "..", "b"): false,
	} {
		if got := Inside(path, root); got != want {
			t.Errorf("Inside(%q, %q) = %v, want %v", path, root, got, want)
		}
	}
}
