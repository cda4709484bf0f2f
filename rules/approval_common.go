package rules

import (
	"strconv"
	"strings"

	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

// approvalView is a policy's requestApprovalSettings seen the same way in
// both shapes: beta calls the flags isApprovalRequired /
// isApprovalRequiredForExtension and the list approvalStages, v1.0 calls
// them isApprovalRequiredForAdd / isApprovalRequiredForUpdate and stages.
type approvalView struct {
	settings  node
	ptr       string   // pointer of requestApprovalSettings
	flags     []string // the approval-required flags of the shape
	stagesKey string
	stages    node
	stagesPtr string
	stageList []approvalStage // the object elements of stages (stagesOf)
}

// approvalSettingsOf returns the policy's approval settings, or ok=false when
// there are none to check (absent, null, or not an object).
func approvalSettingsOf(pass *Pass) (approvalView, bool) {
	// Many rules start here; finding the member scans the whole body, so
	// the passes over one body share the result.
	r := pass.memoize("approvalSettings", func() any {
		v, ok := readApprovalSettings(pass)
		return memoApproval{v, ok}
	}).(memoApproval)
	return r.v, r.ok
}

type memoApproval struct {
	v  approvalView
	ok bool
}

func readApprovalSettings(pass *Pass) (v approvalView, ok bool) {
	v.settings = pass.rootNode("requestApprovalSettings")
	if !v.settings.IsObject() {
		return v, false
	}
	v.ptr = pointer.Join("", "requestApprovalSettings")
	if pass.Shape == BetaPolicy {
		v.flags = []string{"isApprovalRequired", "isApprovalRequiredForExtension"}
		v.stagesKey = "approvalStages"
	} else {
		v.flags = []string{"isApprovalRequiredForAdd", "isApprovalRequiredForUpdate"}
		v.stagesKey = "stages"
	}
	v.stages = v.settings.Member(v.stagesKey)
	v.stagesPtr = pointer.Join(v.ptr, v.stagesKey)
	v.stageList = readStages(pass.Shape, v)
	return v, true
}

// requiringFlag returns the first approval flag set to true, or "". The
// string "true" counts: v1.0 create-policy example 4 sends string booleans
// (the schema reports their type), and its stages are clearly meant to apply.
func (v approvalView) requiringFlag() string {
	for _, f := range v.flags {
		b := v.settings.Get(f)
		if b.Type == gjson.True || (b.Type == gjson.String && strings.EqualFold(b.Str, "true")) {
			return f
		}
	}
	return ""
}

// stageCount is the number of stages, and ok=false when the stages member
// is present but not an array (a type error the schema reports).
func (v approvalView) stageCount() (n int, ok bool) {
	switch {
	case !v.stages.Exists() || v.stages.Value().Type == gjson.Null:
		return 0, true
	case v.stages.IsArray():
		for range v.stages.Elems() {
			n++
		}
		return n, true
	}
	return 0, false
}

// stagesWord is "1 stage", "2 stages", "no stages".
func stagesWord(n int) string {
	switch n {
	case 0:
		return "no stages"
	case 1:
		return "1 stage"
	}
	return strconv.Itoa(n) + " stages"
}
