//go:build linux || darwin

package load

import (
	"errors"
	"io/fs"
	"syscall"
)

// readRegular reads a regular file with plain system calls: open, fstat,
// read, close. os.ReadFile also registers every file with the runtime's
// poller (two more system calls, and a failed one, per file on Linux),
// which was a tenth of a 10,000-file run. O_NONBLOCK makes opening a FIFO
// that replaced a file since it was listed return at once; fstat then
// refuses it.
func readRegular(path string) ([]byte, error) {
	fd, err := retry(func() (int, error) {
		return syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, &fs.PathError{Op: "read", Path: path, Err: errors.New("not a regular file")}
	}
	// One byte more than the size, so that a file that has not grown is
	// read to its end without growing the buffer.
	data := make([]byte, 0, int(st.Size)+1)
	for {
		n, err := retry(func() (int, error) { return syscall.Read(fd, data[len(data):cap(data)]) })
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// retry repeats a system call that a signal interrupted.
func retry(call func() (int, error)) (int, error) {
	for {
		n, err := call()
		if !errors.Is(err, syscall.EINTR) {
			return n, err
		}
	}
}
