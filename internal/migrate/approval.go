package migrate

import (
	"github.com/emlint/emlint/internal/graph"
	"slices"
	"strings"

	"github.com/emlint/emlint/internal/pointer"
)

// Subject sets and approval: beta approvalSettings -> v1.0 accessPackageAssignmentApprovalSettings.

// subjectSet migrates one beta userSet to a v1.0 subjectSet and returns
// whether it was flagged isBackup. Items that cannot be migrated are noted
// and not ok.
func (c *conv) subjectSet(v any, ptr string) (*object, bool, bool) {
	obj, ok := v.(*object)
	if !ok {
		c.warn(ptr, "the entry is %s, not a subject set: left out", describe(v))
		return nil, false, false
	}
	tv, hasType := obj.get("@odata.type")
	name := ""
	for n := range subjectSets {
		if strings.EqualFold(typeName(tv), n) {
			name = n
		}
	}
	switch {
	case !hasType:
		c.warn(ptr, "the entry has no `@odata.type`, so what kind of principal it names is unknown: left out; add it with `#microsoft.graph.singleUser`, `groupMembers`, ...")
		return nil, false, false
	case name == "":
		c.warn(pointer.Join(ptr, "@odata.type"), "`@odata.type` %s is not a subject set type that both versions have: the entry was left out", describe(tv))
		return nil, false, false
	}
	spec := subjectSets[name]
	out := newObject()
	out.set("@odata.type", "#microsoft.graph."+name)
	backup := false
	for _, m := range obj.members {
		mp := pointer.Join(ptr, m.key)
		switch {
		case m.key == "@odata.type":
		case m.key == "isBackup":
			if b, ok := c.boolean(m.val, mp, "isBackup"); ok {
				backup = b == true
			}
		case m.key == "id" && spec.idKey != "":
			if obj.has(spec.idKey) {
				c.warn(mp, "the entry sets both `id` and `%s`: the migration used `id`, the beta key; check which principal is meant", spec.idKey)
			}
			out.set(spec.idKey, clone(m.val))
		case m.key == spec.idKey && spec.idKey != "":
			if obj.has("id") {
				continue // noted above
			}
			out.set(m.key, clone(m.val))
			c.info(mp, "`%s` is already the v1.0 key (the beta key is `id`): carried over", m.key)
		case slices.Contains(spec.keep, m.key):
			out.set(m.key, clone(m.val))
		case m.key == "objectId" && spec.idKey != "":
			c.warn(mp, "`objectId` is not a property of `%s` (which names its principal with `id` in beta, `%s` in v1.0): left out; if it is the principal's object id, put it in `%s`", name, spec.idKey, spec.idKey)
		default:
			c.unknown(mp, m.key, "`"+name+"`", name)
		}
	}
	out.sortBy(subjectSetOrder)
	return out, backup, true
}

// approvers migrates a beta approver list and splits off the isBackup
// entries as v1.0 fallback approvers (DC beta userset.md: isBackup marks a
// fallback approver; DC v1.0 accessPackageApprovalStage: fallback*Approvers).
// When every entry is a backup there is nobody for them to stand in for, so
// they stay in the main list.
func (c *conv) approvers(v any, ptr, key, fallbackKey string) (main, fallback []any) {
	main, fallback = []any{}, []any{}
	list, ok := v.([]any)
	if !ok {
		if v != nil {
			c.warn(ptr, "`%s` is %s, not a list: left out", key, describe(v))
		}
		return main, fallback
	}
	type entry struct {
		set    *object
		backup bool
		ptr    string
	}
	var entries []entry
	var regulars []any
	for i, e := range list {
		ep := pointer.Index(ptr, i)
		s, backup, ok := c.subjectSet(e, ep)
		if !ok {
			continue
		}
		entries = append(entries, entry{s, backup, ep})
		if !backup {
			regulars = append(regulars, s)
		}
	}
	for _, e := range entries {
		switch {
		case !e.backup:
			main = append(main, e.set)
		case len(regulars) > 0:
			fallback = append(fallback, e.set)
			c.info(pointer.Join(e.ptr, "isBackup"), "`isBackup` true: moved to `%s`, where v1.0 lists the approvers who stand in when %s cannot be found", fallbackKey, standInFor(regulars))
		default:
			main = append(main, e.set)
			c.warn(pointer.Join(e.ptr, "isBackup"), "`isBackup` true, but every entry of `%s` is a backup, so there is no approver for it to stand in for: kept in `%s` (moving it to `%s` would leave the stage without approvers); check", key, key, fallbackKey)
		}
	}
	return main, fallback
}

// standInFor names the dynamic approvers of a list, for a message.
func standInFor(main []any) string {
	var names []string
	for _, e := range main {
		if o, ok := e.(*object); ok {
			t, _ := o.get("@odata.type")
			if n := typeName(t); dynamicApprovers[n] && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	if len(names) == 0 {
		return "the primary approvers"
	}
	return "the " + backquote(names)
}

// ---- approval ----

func (c *conv) approvalSettings(v any, ptr string) any {
	obj, ok := c.asObject(v, ptr, "`requestApprovalSettings`")
	if !ok {
		return nil
	}
	out := newObject()
	var carried []member
	var mode any
	hasMode := false
	for _, m := range obj.members {
		mp := pointer.Join(ptr, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(out, m.val, mp, "approvalSettings")
		case "isApprovalRequired":
			c.copyBool(out, "isApprovalRequiredForAdd", m.val, mp, m.key)
		case "isApprovalRequiredForExtension":
			c.copyBool(out, "isApprovalRequiredForUpdate", m.val, mp, m.key)
		case "isRequestorJustificationRequired":
			c.copyBool(out, m.key, m.val, mp, m.key)
		case "approvalMode":
			mode, hasMode = m.val, true
		case "approvalStages":
			out.set("stages", c.stages(m.val, mp))
		case "isApprovalRequiredForAdd", "isApprovalRequiredForUpdate", "stages":
			carried = append(carried, m)
		default:
			c.unknown(mp, m.key, "`requestApprovalSettings`", "approvalSettings")
		}
	}
	if hasMode {
		c.approvalMode(mode, pointer.Join(ptr, "approvalMode"), out)
	}
	from := map[string]string{"isApprovalRequiredForAdd": "isApprovalRequired", "isApprovalRequiredForUpdate": "isApprovalRequiredForExtension", "stages": "approvalStages"}
	for _, m := range carried {
		c.carry(out, m.key, m.val, pointer.Join(ptr, m.key), from[m.key])
	}
	out.sortBy(approvalOrder)
	return out
}

// approvalMode: v1.0 has none; the number of stages says it (DC beta
// approvalsettings.md: SingleStage, Serial, Parallel, NoApproval; v1.0
// accesspackageassignmentapprovalsettings.md: one to three stages).
func (c *conv) approvalMode(mode any, ptr string, out *object) {
	stages, _ := out.get("stages")
	list, isList := stages.([]any)
	n := len(list)
	s, _ := mode.(string)
	want := map[string]func(int) bool{
		"noapproval":  func(n int) bool { return n == 0 },
		"singlestage": func(n int) bool { return n == 1 },
		"serial":      func(n int) bool { return n >= 2 },
	}
	ok, known := want[strings.ToLower(s)]
	switch {
	case strings.EqualFold(s, "Parallel"):
		c.warn(ptr, "`approvalMode` `Parallel` has no v1.0 counterpart (and no documented meaning in beta): left out; v1.0 stages run one after the other")
	case !known:
		c.warn(ptr, "`approvalMode` %s is not a beta approval mode; v1.0 has no approval mode: left out", describe(mode))
	case isList && !ok(n):
		c.warn(ptr, "`approvalMode` `%s` does not match the %d approval stage(s); v1.0 has no approval mode and runs the stages as listed: left out; check the stages", s, n)
	default:
		c.info(ptr, "`approvalMode` was left out: v1.0 derives it from the number of `stages`")
	}
}

func (c *conv) stages(v any, ptr string) any {
	out, ok := c.objectList(v, ptr, "approvalStages", "stage", func(obj *object, ep string) any { return c.stage(obj, ep) })
	if !ok {
		return []any{}
	}
	return out
}

func (c *conv) stage(in *object, ptr string) *object {
	out := newObject()
	var carried []member
	for _, m := range in.members {
		mp := pointer.Join(ptr, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(out, m.val, mp, "approvalStage", "accessPackageDynamicApprovalStage")
		case "approvalStageTimeOutInDays":
			if m.val == nil {
				continue
			}
			if n, ok := c.wholeNumber(m.val, mp, m.key); ok {
				out.set("durationBeforeAutomaticDenial", graph.ISODays(n))
			}
		case "escalationTimeInMinutes":
			if m.val == nil {
				continue
			}
			if n, ok := c.wholeNumber(m.val, mp, m.key); ok {
				out.set("durationBeforeEscalation", graph.ISOMinutes(n))
			}
		case "isApproverJustificationRequired", "isEscalationEnabled":
			c.copyBool(out, m.key, m.val, mp, m.key)
		case "approverInformationVisibility":
			out.set(m.key, clone(m.val))
		case "primaryApprovers":
			main, fb := c.approvers(m.val, mp, m.key, "fallbackPrimaryApprovers")
			out.set("primaryApprovers", main)
			out.set("fallbackPrimaryApprovers", fb)
		case "escalationApprovers":
			main, fb := c.approvers(m.val, mp, m.key, "fallbackEscalationApprovers")
			out.set("escalationApprovers", main)
			out.set("fallbackEscalationApprovers", fb)
		case "customExtension":
			c.warn(mp, "`customExtension` of a beta dynamic approval stage has no v1.0 counterpart (the v1.0 accessPackageDynamicApprovalStage has no such property): left out")
		case "durationBeforeAutomaticDenial", "durationBeforeEscalation", "fallbackPrimaryApprovers", "fallbackEscalationApprovers":
			carried = append(carried, m)
		default:
			c.unknown(mp, m.key, "an approval stage", "approvalStage")
		}
	}
	from := map[string]string{"durationBeforeAutomaticDenial": "approvalStageTimeOutInDays", "durationBeforeEscalation": "escalationTimeInMinutes",
		"fallbackPrimaryApprovers": "primaryApprovers (isBackup)", "fallbackEscalationApprovers": "escalationApprovers (isBackup)"}
	for _, m := range carried {
		key := m.key
		if list, ok := m.val.([]any); ok && strings.HasPrefix(key, "fallback") {
			// Join with the entries moved there from isBackup.
			have, _ := out.get(key)
			hl, _ := have.([]any)
			if len(hl) > 0 {
				c.warn(pointer.Join(ptr, key), "`%s` is the v1.0 list, and the stage also flags beta `isBackup` approvers: both were kept", key)
				out.set(key, append(hl, clone(list).([]any)...))
				continue
			}
			out.del(key)
		}
		c.carry(out, key, m.val, pointer.Join(ptr, key), from[key])
	}
	// The v1.0 docs examples send all four lists, empty ones included
	// (DC v1.0 create-policy example 2); escalation-approvers-explicit-empty.
	for _, k := range []string{"primaryApprovers", "fallbackPrimaryApprovers", "escalationApprovers", "fallbackEscalationApprovers"} {
		if !out.has(k) {
			out.set(k, []any{})
		}
	}
	out.sortBy(stageOrder)
	return out
}
