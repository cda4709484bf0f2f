package rules

import (
	"strings"

	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

// reviewSettingsOf returns the policy's access review settings when they are
// an object: accessReviewSettings in the legacy beta shape, reviewSettings in
// v1.0.
func reviewSettingsOf(pass *Pass) (obj node, ptr string, ok bool) {
	key := "reviewSettings"
	if pass.Shape == BetaPolicy {
		key = "accessReviewSettings"
	}
	obj = pass.rootNode(key)
	return obj, pointer.Join("", key), obj.IsObject()
}

// odataTypeName is the type name of an object's @odata.type without the "#"
// and the namespace ("#microsoft.graph.singleUser" gives "singleUser"), or ""
// when there is none.
func odataTypeName(obj gjson.Result) string {
	return typeNameOf(Get(obj, "@odata.type"))
}

// typeNameOf is odataTypeName for the object's @odata.type member t.
func typeNameOf(t gjson.Result) string {
	if t.Type != gjson.String {
		return ""
	}
	s := strings.TrimPrefix(t.Str, "#")
	return s[strings.LastIndexByte(s, '.')+1:]
}
