// Package load turns the paths given on the command line into the files to
// lint: files as named, directories walked for *.json, *.http, *.rest,
// Markdown, PowerShell (*.ps1, *.psm1) and Terraform (*.tf) files, "-" for standard input. It never follows a symlink found
// while walking (no loops) and never opens anything but regular files (a
// FIFO would block forever).
package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Stdin is the path that names standard input.
const Stdin = "-"

// skipDirs are directories that never hold a team's payloads and can be
// large: walking them would only cost time.
var skipDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, "node_modules": true, "vendor": true,
	".venv": true, "venv": true, "__pycache__": true, ".terraform": true, ".idea": true, ".vscode": true,
}

// lintable are the extensions a directory walk picks: JSON bodies, and
// .http/.rest, Markdown, PowerShell and Terraform files, whose bodies are
// linted in place.
var lintable = map[string]bool{".json": true, ".http": true, ".rest": true, ".md": true, ".markdown": true,
	".ps1": true, ".psm1": true, ".tf": true}

// File is one file to lint: its name as it will be printed, and its content
// or the reason it could not be read.
type File struct {
	Name string
	Data []byte
	Err  error
	lazy bool // a regular file not read yet: Read reads it
}

// Read returns the file's content: Data, or for a file listed with
// Options.Lazy, what is on disk now.
func (f File) Read() ([]byte, error) {
	if !f.lazy {
		return f.Data, f.Err
	}
	r := readFile(f.Name)
	return r.Data, r.Err
}

// Options control how paths are read.
type Options struct {
	Stdin         io.Reader
	StdinFilename string // name printed for standard input; "<stdin>" if empty
	// Lazy lists regular files without reading them: File.Read reads each
	// when it is linted, so a run over many files holds few in memory.
	Lazy bool
}

// Files expands paths into files, each read once. A path that does not
// exist, or that cannot be read, is returned as a File with Err set: the
// caller reports it and exits 2, while still linting the rest. The same
// file named twice is linted once.
func Files(paths []string, opts Options) []File {
	var out []File
	seen := map[string]bool{}
	// filepath.Abs asks the system for the working directory at every
	// call (two stats): ask once.
	cwd, cwdErr := os.Getwd()
	add := func(f File, stdin bool) {
		key := "\x00stdin" // never a path
		switch {
		case stdin:
		case filepath.IsAbs(f.Name):
			key = filepath.Clean(f.Name)
		case cwdErr == nil:
			key = filepath.Join(cwd, f.Name)
		default:
			key = f.Name
		}
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, f)
	}
	infos := statAll(paths)
	for i, p := range paths {
		if p == Stdin {
			data, err := io.ReadAll(opts.Stdin)
			if err != nil {
				err = fmt.Errorf("reading standard input: %w", err)
			}
			add(File{Name: stdinName(opts), Data: data, Err: err}, true)
			continue
		}
		info, err := infos[i].info, infos[i].err
		switch {
		case errors.Is(err, fs.ErrNotExist):
			add(File{Name: p, Err: fmt.Errorf("%s: no such file or directory", p)}, false)
		case err != nil:
			add(File{Name: p, Err: err}, false)
		case info.IsDir():
			for _, f := range walk(p, opts.Lazy) {
				add(f, false)
			}
		case !info.Mode().IsRegular():
			add(File{Name: p, Err: fmt.Errorf("%s: not a regular file (%s): give emlint files or directories", p, info.Mode().Type())}, false)
		case opts.Lazy:
			add(File{Name: p, lazy: true}, false)
		default:
			add(readFile(p), false)
		}
	}
	return out
}

type statResult struct {
	info fs.FileInfo
	err  error
}

// statAll stats every path but standard input's. A pre-commit hook or a
// shell glob passes thousands of files: stat them side by side.
func statAll(paths []string) []statResult {
	out := make([]statResult, len(paths))
	stat := func(i int) {
		if paths[i] != Stdin {
			out[i].info, out[i].err = os.Stat(paths[i])
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(paths)/64)
	if workers < 2 {
		for i := range paths {
			stat(i)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(paths); i = int(next.Add(1)) - 1 {
				stat(i)
			}
		})
	}
	wg.Wait()
	return out
}

func stdinName(opts Options) string {
	if opts.StdinFilename != "" {
		return opts.StdinFilename
	}
	return "<stdin>"
}

// walk lists the lintable files under dir in lexical order. Errors on entries
// (an unreadable subdirectory) become files with Err set.
func walk(dir string, lazy bool) []File {
	var out []File
	root := dir
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// A symlink named on the command line is what the user points at:
		// a trailing separator makes WalkDir enter it (links found while
		// walking are still not followed).
		root = dir + string(filepath.Separator)
	}
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, File{Name: path, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && skipDirs[d.Name()] {
				return fs.SkipDir
			}
			return nil
		}
		// Only regular files: symlinks, FIFOs and devices found by walking
		// are not what the user pointed at.
		if d.Type().IsRegular() && lintable[strings.ToLower(filepath.Ext(path))] {
			if lazy {
				out = append(out, File{Name: path, lazy: true})
			} else {
				out = append(out, readFile(path))
			}
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func readFile(path string) File {
	data, err := readRegular(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = fmt.Errorf("%s: %v", path, pe.Err)
		}
		return File{Name: path, Err: err}
	}
	return File{Name: path, Data: data}
}

// Inside reports whether path is root or under it, both absolute or both
// relative to the same directory: what a configuration's schema, a
// schema's $ref and a new .emlint.yaml's workspace folder are checked with.
func Inside(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
