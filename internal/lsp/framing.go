package lsp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// maxMessage bounds one message's body. A JSON body that emlint lints is a
// few kilobytes; the bound only stops a bad Content-Length from making the
// server allocate without limit.
const maxMessage = 64 << 20

// errFraming is wrapped by every error that means the stream can no longer
// be split into messages: after one, Serve stops.
var errFraming = errors.New("malformed message framing")

// readMessage reads one message body: header lines ending in "\r\n" (a bare
// "\n" is accepted too), an empty line, then Content-Length bytes. Headers
// other than Content-Length (Content-Type) are ignored. It returns io.EOF
// only when the input ends between messages.
func readMessage(r *bufio.Reader) ([]byte, error) {
	length := -1
	started := false
	for {
		line, err := r.ReadSlice('\n')
		switch {
		case err == io.EOF && !started && len(bytes.TrimSpace(line)) == 0:
			return nil, io.EOF
		case err == io.EOF:
			return nil, fmt.Errorf("%w: the input ended inside a header", errFraming)
		case errors.Is(err, bufio.ErrBufferFull):
			return nil, fmt.Errorf("%w: a header line is longer than %d bytes", errFraming, r.Size())
		case err != nil:
			return nil, err
		}
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			if !started {
				continue // stray blank lines between messages
			}
			break
		}
		started = true
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return nil, fmt.Errorf("%w: header line %q has no colon", errFraming, line)
		}
		if !bytes.EqualFold(bytes.TrimSpace(name), []byte("Content-Length")) {
			continue
		}
		n, err := strconv.Atoi(string(bytes.TrimSpace(value)))
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%w: Content-Length %q is not a length", errFraming, bytes.TrimSpace(value))
		}
		if n > maxMessage {
			return nil, fmt.Errorf("%w: Content-Length %d is over the limit of %d bytes", errFraming, n, maxMessage)
		}
		length = n
	}
	if length < 0 {
		return nil, fmt.Errorf("%w: a message has no Content-Length header", errFraming)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("%w: the input ended inside a %d-byte body", errFraming, length)
		}
		return nil, err
	}
	return body, nil
}

// writeMessage frames body and writes it in one Write, so that a message
// is never interleaved with another.
func writeMessage(w io.Writer, body []byte) error {
	buf := make([]byte, 0, len(body)+32)
	buf = fmt.Appendf(buf, "Content-Length: %d\r\n\r\n", len(body))
	buf = append(buf, body...)
	_, err := w.Write(buf)
	return err
}
