// Package filter is the stage between linting and reporting: it applies
// the configuration (rule severities, rules turned off or on for one run,
// ignored findings) to the findings of each file. The baseline is applied
// after it, by the caller, since --write-baseline records what this keeps.
package filter

import (
	"github.com/emlint/emlint/internal/config"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/rules"
)

// Settings say what to keep and at which severity.
type Settings struct {
	Config  *config.Config
	Enable  map[string]bool // rules turned on for this run (--enable), whatever the config says
	Disable map[string]bool // rules turned off for this run (--disable)
}

// Apply filters the findings of every file in place.
func Apply(files []lint.File, s Settings) {
	for i := range files {
		files[i].Findings = Findings(files[i].Findings, s)
	}
}

// Findings returns the findings of one file that survive the settings.
func Findings(fs []finding.Finding, s Settings) []finding.Finding {
	cfg := s.Config
	if cfg == nil {
		cfg = config.Default()
	}
	kept := fs[:0:0]
	for _, f := range fs {
		if s.Disable[f.Rule] {
			continue
		}
		if r := rules.ByID(f.Rule); r != nil && r.Off && !s.Enable[f.Rule] && !cfg.Configured(f.Rule) {
			continue
		}
		sev, on := cfg.Severity(f.Rule, f.Severity)
		if !on && !s.Enable[f.Rule] {
			continue
		}
		if on {
			f.Severity = sev
		}
		if cfg.Ignored(f) {
			continue
		}
		kept = append(kept, f)
	}
	return kept
}
