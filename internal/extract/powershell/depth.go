package powershell

import (
	"fmt"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/payload"
)

// depthProblem reports a body that ConvertTo-Json cuts short.
//
// How ConvertTo-Json counts (PowerShell's JsonObject.cs): it calls
// ProcessValue(root, currentDepth: 0); ProcessDictionary and
// ProcessEnumerable pass depth+1 for each value or item; and ProcessValue
// writes scalars (strings, numbers, booleans, null) at any depth but turns
// a dictionary, list or object found at currentDepth > MaxDepth into its
// string ("System.Collections.Hashtable"). So the root is depth 0, each
// hashtable or array one deeper than its parent, and a container at depth
// d survives iff d <= -Depth:
//
//	@{a=@{b=1}} | ConvertTo-Json -Depth 1  ->  {"a":{"b":1}}   (the inner hashtable is at depth 1)
//	@{a=@{b=1}} | ConvertTo-Json -Depth 0  ->  {"a":"System.Collections.Hashtable"}
//
// A body whose deepest hashtable or array is at depth d needs -Depth >= d;
// the default is 2, so requestApprovalSettings (1) .stages (2) [0] (3) is
// already lost. deep is that depth and path says where it is.
func depthProblem(pipe *jsonPipe, deep int, path string, at payload.Span) (payload.Problem, bool) {
	if !pipe.known || deep <= pipe.depth {
		return payload.Problem{}, false
	}
	how := fmt.Sprintf("ConvertTo-Json serialises %d levels by default", pipe.depth)
	fix := fmt.Sprintf("add -Depth %d", max(10, deep))
	if pipe.explicit {
		how = fmt.Sprintf("ConvertTo-Json -Depth %d serialises %d levels", pipe.depth, pipe.depth)
		fix = fmt.Sprintf("use -Depth %d or more", max(10, deep))
	}
	return payload.Problem{
		Rule: payload.RuleDepth, Severity: finding.Error, Span: at,
		Message: fmt.Sprintf("%s; this body nests %d levels deep (%s), so the deeper settings are sent as the string \"System.Collections.Hashtable\": %s",
			how, deep, path, fix),
	}, true
}
