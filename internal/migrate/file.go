package migrate

import (
	"errors"
	"fmt"

	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/internal/position"
	"github.com/emlint/emlint/schemas"
)

// Errors a caller tells apart: a file that is not a payload is skipped, and
// one that is already v1.0 needs no migration.
var (
	ErrNotPayload = errors.New("no entitlement-management property at the root")
	ErrAlreadyV1  = errors.New("the body is already the v1.0 shape")
)

// Body migrates a policy or a request: kind says which, or "" to tell from
// the body's root properties (as emlint's detection does: the kind with more
// of its own properties, a requestType deciding a tie). It returns the kind
// migrated.
func Body(body []byte, kind schemas.Kind) (Result, schemas.Kind, error) {
	if kind == "" {
		d, err := decode(body)
		if err != nil {
			return Result{}, "", err
		}
		p, r := rootKeys(d.root, policyKeys), rootKeys(d.root, requestKeys)
		switch {
		case len(p) == 0 && len(r) == 0:
			return Result{}, "", fmt.Errorf("%w: not an assignment policy or request", ErrNotPayload)
		case len(r) > len(p), len(r) == len(p) && d.root.has("requestType"):
			kind = schemas.Request
		default:
			kind = schemas.Policy
		}
	}
	var res Result
	var err error
	switch kind {
	case schemas.Policy:
		res, err = Policy(body)
	case schemas.Request:
		res, err = Request(body)
	default:
		return Result{}, "", fmt.Errorf("unknown kind %q: use policy or request", kind)
	}
	return res, kind, err
}

// Locator places notes in the input they point into.
type Locator struct {
	index jsonparse.Index
	lines *position.Lines
}

// NewLocator indexes an input body (as given to Policy or Request).
func NewLocator(input []byte) *Locator {
	index, _ := jsonparse.BuildIndex(input)
	return &Locator{index: index, lines: position.NewLines(input)}
}

// Position returns the 1-based line and column (in characters) of a note's
// pointer: the member's key, or the value of an array element or the root.
// A pointer that is not in the input falls back to its parent.
func (l *Locator) Position(ptr string) position.Pos {
	for {
		if s, ok := l.index[ptr]; ok {
			if s.KeyStart >= 0 {
				return l.lines.Pos(s.KeyStart)
			}
			return l.lines.Pos(s.Start)
		}
		if ptr == "" {
			return l.lines.Pos(0)
		}
		ptr, _ = pointer.Parent(ptr)
	}
}

// Format writes a note as a finding line for standard error, in the form
// `emlint lint` uses: "FILE:LINE:COL: SEVERITY: MESSAGE [migrate]".
func (l *Locator) Format(file string, n Note) string {
	p := l.Position(n.Pointer)
	return fmt.Sprintf("%s:%d:%d: %s: %s [migrate]", file, p.Line, p.Col, n.Severity, n.Message)
}
