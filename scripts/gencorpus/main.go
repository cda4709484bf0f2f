// gencorpus writes a deterministic benchmark corpus of Microsoft Graph
// entitlement-management request bodies: access package assignment policies
// and assignment requests in all four shapes (beta and v1.0), 0.5–5 KB each,
// pretty-printed as people keep them in git.
//
//	go run ./scripts/gencorpus [-n 10000] [-seed 1] -out DIR
//
// Files are named SHAPE-NNNNN.json (v1.0-policy-00042.json), so a shape's
// subset is a glob. Exactly round(N/10) files carry one injected defect
// that both emlint and a plain JSON Schema validator given the shape's
// schema (`emlint schema --api A --kind K`) report: an unknown property, a
// wrong type, a value outside a real enum (allowedTargetScope,
// expiration.type, requestType, scopeType...) or a missing required
// property (accessPackage, accessPackageId, requestType...).
// DIR/manifest.tsv names them: file, shape, defect kind, JSON Pointer, what
// was done. The other files are valid: no error-level finding from emlint.
// The same -n and -seed give the same bytes on every machine.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("n", 10000, "number of files")
	seed := flag.Int64("seed", 1, "random seed")
	out := flag.String("out", "", "output directory (created)")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus [-n N] [-seed S] -out DIR")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
	files, manifest := Generate(*n, *seed)
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(*out, f.Name), f.Data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
	}
	if err := os.WriteFile(filepath.Join(*out, "manifest.tsv"), manifest, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	var total int
	for _, f := range files {
		total += len(f.Data)
	}
	fmt.Printf("gencorpus: %d files, %d bytes, %d broken, seed %d, in %s\n", len(files), total, int(math.Round(float64(*n)/10)), *seed, *out)
}

// File is one generated body.
type File struct {
	Name  string
	Shape string
	Data  []byte
}

// Generate returns n bodies and the manifest of the broken ones.
func Generate(n int, seed int64) ([]File, []byte) {
	r := rand.New(rand.NewSource(seed))
	g := &gen{r: r}
	broken := map[int]bool{}
	for _, i := range r.Perm(n)[:int(math.Round(float64(n)/10))] {
		broken[i] = true
	}
	var files []File
	var man bytes.Buffer
	man.WriteString("file\tshape\tdefect\tpointer\tdetail\n")
	for i := range n {
		shape := g.shape()
		var body obj
		var indent string
		for {
			body = g.body(shape)
			indent = "  "
			switch x := r.Intn(20); {
			case x < 5:
				indent = "    "
			case x == 5:
				indent = "\t"
			}
			// 0.5-5 KB, with room for the defect injected below.
			if size := len(pretty(body, indent)); size >= 560 && size <= 5000 {
				break
			}
		}
		name := fmt.Sprintf("%s-%05d.json", shape, i+1)
		if broken[i] {
			kind, ptr, detail := g.breakBody(shape, &body)
			fmt.Fprintf(&man, "%s\t%s\t%s\t%s\t%s\n", name, shape, kind, ptr, detail)
		}
		files = append(files, File{Name: name, Shape: shape, Data: pretty(body, indent)})
	}
	return files, man.Bytes()
}

// obj is a JSON object that keeps its keys in order.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.k)
		b.Write(k)
		b.WriteByte(':')
		v, err := marshal(m.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func (o obj) get(k string) any {
	for _, m := range o {
		if m.k == k {
			return m.v
		}
	}
	return nil
}

func (o *obj) set(k string, v any) {
	for i, m := range *o {
		if m.k == k {
			(*o)[i].v = v
			return
		}
	}
	*o = append(*o, kv{k, v})
}

func (o *obj) del(k string) {
	for i, m := range *o {
		if m.k == k {
			*o = append((*o)[:i], (*o)[i+1:]...)
			return
		}
	}
}

func pretty(v any, indent string) []byte {
	raw, err := marshal(v)
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", indent); err != nil {
		panic(err)
	}
	b.WriteByte('\n')
	return b.Bytes()
}

type gen struct{ r *rand.Rand }

var (
	teams     = []string{"Finance", "HR", "Sales EMEA", "Marketing", "Engineering", "Legal", "Procurement", "IT Ops", "Security", "Support", "Research", "Partners", "Contractors", "Data Platform", "Payroll"}
	resources = []string{"SharePoint site", "Teams channel", "Salesforce", "SAP ERP", "GitHub Enterprise", "Workday", "Power BI workspace", "Azure subscription", "ServiceNow", "Jira", "Confluence", "Snowflake"}
	audiences = []string{"employees", "contractors", "guest users", "partner organizations", "new hires", "managers"}
	langs     = []string{"en-US", "fr-FR", "de-DE", "es-ES", "ja-JP", "pt-BR", "nl-NL", "it-IT"}
	reasons   = []string{"Joining the audit project", "Quarterly close", "Need access to the partner portal", "Covering for a colleague on leave", "New role in the team", "Migration project", "On-call rotation"}
	choiceQs  = []struct {
		text    string
		choices []string
	}{
		{"What is your role?", []string{"Developer", "Analyst", "Manager", "Contractor", "Auditor"}},
		{"Which region do you work in?", []string{"EMEA", "Americas", "APAC"}},
		{"How long do you need access?", []string{"1 week", "1 month", "3 months", "6 months"}},
		{"Which environment?", []string{"Production", "Staging", "Development"}},
	}
	textQs = []struct{ text, regex string }{
		{"Business justification", ""},
		{"Cost center", "^[0-9]{4,6}$"},
		{"Ticket number", "^(INC|REQ)[0-9]{7}$"},
		{"Project code", "^[A-Z]{3}-[0-9]{3}$"},
	}
)

func (g *gen) pick(s []string) string { return s[g.r.Intn(len(s))] }
func (g *gen) chance(p float64) bool  { return g.r.Float64() < p }

func (g *gen) guid() string {
	b := make([]byte, 16)
	g.r.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// date is a date-time in 2027 or 2028, so that no "in the past" warning
// fires for years.
func (g *gen) date() string {
	return fmt.Sprintf("%d-%02d-%02dT%02d:%02d:00Z", 2027+g.r.Intn(2), 1+g.r.Intn(12), 1+g.r.Intn(28), g.r.Intn(24), 15*g.r.Intn(4))
}

// shape picks one of the four shapes: 40% v1.0 policies, 30% beta
// policies, 15% of each kind of request.
func (g *gen) shape() string {
	switch x := g.r.Intn(20); {
	case x < 8:
		return "v1.0-policy"
	case x < 14:
		return "beta-policy"
	case x < 17:
		return "v1.0-request"
	}
	return "beta-request"
}

func (g *gen) body(shape string) obj {
	switch shape {
	case "v1.0-policy":
		return g.v1Policy()
	case "beta-policy":
		return g.betaPolicy()
	case "v1.0-request":
		return g.request(false)
	}
	return g.request(true)
}

func (g *gen) names() (string, string) {
	team, res := g.pick(teams), g.pick(resources)
	return fmt.Sprintf("%s %s access", team, res),
		fmt.Sprintf("Access to the %s %s for %s", team, res, g.pick(audiences))
}

func (g *gen) localizations(text string, max int) []any {
	out := []any{}
	for _, l := range g.r.Perm(len(langs))[:g.r.Intn(max+1)] {
		out = append(out, obj{{"languageCode", langs[l]}, {"text", text + " (" + langs[l] + ")"}})
	}
	return out
}

// content is a beta accessPackageLocalizedContent.
func (g *gen) content(text string, max int) obj {
	texts := []any{}
	for _, l := range g.r.Perm(len(langs))[:g.r.Intn(max+1)] {
		texts = append(texts, obj{{"languageCode", langs[l]}, {"text", text + " (" + langs[l] + ")"}})
	}
	return obj{{"defaultText", text}, {"localizedTexts", texts}}
}

// questions are requestor questions: in v1.0 a text with localizations, in
// beta a localized content object.
func (g *gen) questions(beta bool) []any {
	out := []any{}
	for i := range g.r.Intn(3) {
		if g.chance(0.5) {
			q := choiceQs[g.r.Intn(len(choiceQs))]
			choices := []any{}
			for _, c := range q.choices {
				value := strings.ToLower(strings.ReplaceAll(c, " ", "-"))
				if beta {
					choices = append(choices, obj{{"actualValue", value}, {"displayValue", g.content(c, 1)}})
				} else {
					choices = append(choices, obj{{"actualValue", value}, {"text", c}, {"localizations", g.localizations(c, 1)}})
				}
			}
			if beta {
				out = append(out, obj{
					{"@odata.type", "#microsoft.graph.accessPackageMultipleChoiceQuestion"},
					{"sequence", i + 1}, {"isRequired", g.chance(0.7)}, {"isAnswerEditable", g.chance(0.5)},
					{"text", g.content(q.text, 2)}, {"allowsMultipleSelection", false}, {"choices", choices},
				})
				continue
			}
			out = append(out, obj{
				{"@odata.type", "#microsoft.graph.accessPackageMultipleChoiceQuestion"},
				{"sequence", i + 1}, {"isRequired", g.chance(0.7)}, {"isAnswerEditable", g.chance(0.5)},
				{"text", q.text}, {"localizations", g.localizations(q.text, 2)},
				{"isMultipleSelectionAllowed", false}, {"choices", choices},
			})
			continue
		}
		q := textQs[g.r.Intn(len(textQs))]
		if beta {
			t := obj{
				{"@odata.type", "#microsoft.graph.accessPackageTextInputQuestion"},
				{"sequence", i + 1}, {"isRequired", g.chance(0.7)}, {"isAnswerEditable", true},
				{"text", g.content(q.text, 2)}, {"isSingleLineQuestion", true},
			}
			if q.regex != "" {
				t = append(t, kv{"regexPattern", q.regex})
			}
			out = append(out, t)
			continue
		}
		t := obj{
			{"@odata.type", "#microsoft.graph.accessPackageTextInputQuestion"},
			{"sequence", i + 1}, {"isRequired", g.chance(0.7)}, {"isAnswerEditable", true},
			{"text", q.text}, {"localizations", g.localizations(q.text, 2)}, {"isSingleLineQuestion", true},
		}
		if q.regex != "" {
			t = append(t, kv{"regexPattern", q.regex})
		}
		out = append(out, t)
	}
	return out
}

// v1 approvers: requestorManager only for users of the directory, sponsors
// only for connected organizations.
func (g *gen) v1Approver(external bool) obj {
	switch x := g.r.Intn(10); {
	case x < 5:
		return obj{{"@odata.type", "#microsoft.graph.singleUser"}, {"userId", g.guid()}, {"description", g.pick(teams) + " lead"}}
	case x < 8:
		return obj{{"@odata.type", "#microsoft.graph.groupMembers"}, {"groupId", g.guid()}, {"description", g.pick(teams) + " approvers"}}
	case external:
		return obj{{"@odata.type", "#microsoft.graph.externalSponsors"}}
	}
	return obj{{"@odata.type", "#microsoft.graph.requestorManager"}, {"managerLevel", 1}}
}

func (g *gen) v1Policy() obj {
	name, desc := g.names()
	p := obj{{"displayName", name}, {"description", desc}}
	external := false
	direct := g.chance(0.2)
	switch {
	case direct:
		p.set("allowedTargetScope", "notSpecified")
		p.set("specificAllowedTargets", []any{})
	case g.chance(0.3):
		external = true
		p.set("allowedTargetScope", "allConfiguredConnectedOrganizationUsers")
		p.set("specificAllowedTargets", []any{})
	case g.chance(0.5):
		p.set("allowedTargetScope", "specificDirectoryUsers")
		p.set("specificAllowedTargets", []any{obj{{"@odata.type", "#microsoft.graph.groupMembers"}, {"groupId", g.guid()}, {"description", g.pick(teams)}}})
	default:
		p.set("allowedTargetScope", "allMemberUsers")
		p.set("specificAllowedTargets", []any{})
	}
	switch x := g.r.Intn(3); x {
	case 0:
		p.set("expiration", obj{{"type", "afterDuration"}, {"duration", fmt.Sprintf("P%dD", []int{7, 30, 90, 180, 365}[g.r.Intn(5)])}})
	case 1:
		p.set("expiration", obj{{"type", "afterDateTime"}, {"endDateTime", g.date()}})
	default:
		p.set("expiration", obj{{"type", "noExpiration"}})
	}
	self := !direct
	p.set("requestorSettings", obj{
		{"enableTargetsToSelfAddAccess", self}, {"enableTargetsToSelfUpdateAccess", self && g.chance(0.5)},
		{"enableTargetsToSelfRemoveAccess", self}, {"allowCustomAssignmentSchedule", g.chance(0.3)},
		{"enableOnBehalfRequestorsToAddAccess", false}, {"enableOnBehalfRequestorsToUpdateAccess", false},
		{"enableOnBehalfRequestorsToRemoveAccess", false}, {"onBehalfRequestors", []any{}},
	})
	approval := !direct && (external || g.chance(0.75))
	stages := []any{}
	dynamic := false // a manager or sponsor approves in at most one stage
	if approval {
		for range 1 + g.r.Intn(3) {
			days := []int{3, 7, 14}[g.r.Intn(3)]
			first := g.v1Approver(external)
			for dynamic && first.get("userId") == nil && first.get("groupId") == nil {
				first = g.v1Approver(external)
			}
			primary := []any{first}
			fallback := []any{}
			if t := first.get("@odata.type"); t == "#microsoft.graph.requestorManager" || t == "#microsoft.graph.externalSponsors" {
				dynamic = true
				fallback = append(fallback, obj{{"@odata.type", "#microsoft.graph.singleUser"}, {"userId", g.guid()}})
				primary = []any{primary[0], obj{{"@odata.type", "#microsoft.graph.singleUser"}, {"userId", g.guid()}, {"description", "backup"}}}
			}
			stage := obj{
				{"durationBeforeAutomaticDenial", fmt.Sprintf("P%dD", days)},
				{"isApproverJustificationRequired", false},
				{"isEscalationEnabled", false}, {"durationBeforeEscalation", "PT0S"},
				{"primaryApprovers", primary}, {"fallbackPrimaryApprovers", fallback},
				{"escalationApprovers", []any{}}, {"fallbackEscalationApprovers", []any{}},
			}
			if days >= 7 && g.chance(0.3) {
				stage.set("isEscalationEnabled", true)
				stage.set("durationBeforeEscalation", fmt.Sprintf("P%dD", 1+g.r.Intn(days-1)))
				stage.set("escalationApprovers", []any{obj{{"@odata.type", "#microsoft.graph.singleUser"}, {"userId", g.guid()}, {"description", "escalation"}}})
			}
			stages = append(stages, stage)
		}
	}
	p.set("requestApprovalSettings", obj{
		{"isApprovalRequiredForAdd", approval}, {"isApprovalRequiredForUpdate", approval && g.chance(0.5)},
		{"isRequestorJustificationRequired", approval}, {"stages", stages},
	})
	if q := g.questions(false); len(q) > 0 && self {
		p.set("questions", q)
	}
	p.set("accessPackage", obj{{"id", g.guid()}})
	return p
}

func (g *gen) betaApprover() obj {
	switch x := g.r.Intn(10); {
	case x < 6:
		return obj{{"@odata.type", "#microsoft.graph.singleUser"}, {"isBackup", false}, {"id", g.guid()}, {"description", g.pick(teams) + " lead"}}
	}
	return obj{{"@odata.type", "#microsoft.graph.groupMembers"}, {"isBackup", false}, {"id", g.guid()}, {"description", g.pick(teams) + " approvers"}}
}

func (g *gen) betaPolicy() obj {
	name, desc := g.names()
	p := obj{{"accessPackageId", g.guid()}, {"displayName", name}, {"description", desc}, {"canExtend", false}}
	if g.chance(0.8) {
		days := []int{0, 30, 90, 180, 365}[g.r.Intn(5)]
		p.set("durationInDays", days)
		p.set("canExtend", days > 0 && g.chance(0.5))
	} else {
		p.set("expirationDateTime", g.date())
		p.set("canExtend", g.chance(0.5))
	}
	scope := []string{"NoSubjects", "AllExistingDirectoryMemberUsers", "SpecificDirectorySubjects", "AllExistingConnectedOrganizationSubjects"}[g.r.Intn(4)]
	requestors := []any{}
	if scope == "SpecificDirectorySubjects" {
		requestors = append(requestors, obj{{"@odata.type", "#microsoft.graph.groupMembers"}, {"isBackup", false}, {"id", g.guid()}, {"description", g.pick(teams)}})
	}
	p.set("requestorSettings", obj{{"scopeType", scope}, {"acceptRequests", true}, {"allowedRequestors", requestors}})
	approval := scope != "NoSubjects" && (scope == "AllExistingConnectedOrganizationSubjects" || g.chance(0.75))
	stages := []any{}
	mode := "NoApproval"
	if approval {
		count := 1 + g.r.Intn(2)
		mode = map[int]string{1: "SingleStage", 2: "Serial"}[count]
		for range count {
			stages = append(stages, obj{
				{"approvalStageTimeOutInDays", []int{3, 7, 14}[g.r.Intn(3)]},
				{"isApproverJustificationRequired", g.chance(0.5)},
				{"isEscalationEnabled", false}, {"escalationTimeInMinutes", 0},
				{"primaryApprovers", []any{g.betaApprover()}}, {"escalationApprovers", []any{}},
			})
		}
	}
	p.set("requestApprovalSettings", obj{
		{"isApprovalRequired", approval}, {"isApprovalRequiredForExtension", false},
		{"isRequestorJustificationRequired", approval}, {"approvalMode", mode}, {"approvalStages", stages},
	})
	if q := g.questions(true); len(q) > 0 && scope != "NoSubjects" {
		p.set("questions", q)
	}
	p.set("accessReviewSettings", nil)
	return p
}

func (g *gen) request(beta bool) obj {
	types := []string{"adminAdd", "userAdd", "adminRemove", "userRemove"}
	rt := types[g.r.Intn(len(types))]
	assignment := obj{{"targetId", g.guid()}, {"assignmentPolicyId", g.guid()}, {"accessPackageId", g.guid()}}
	switch rt {
	case "userAdd":
		assignment = obj{{"assignmentPolicyId", g.guid()}, {"accessPackageId", g.guid()}}
	case "adminRemove", "userRemove":
		assignment = obj{{"id", g.guid()}}
	}
	key := "assignment"
	if beta {
		rt = strings.ToUpper(rt[:1]) + rt[1:]
		key = "accessPackageAssignment"
	}
	body := obj{{"requestType", rt}, {key, assignment}, {"justification", g.pick(reasons) + " for " + g.pick(teams) + " (" + g.pick(resources) + ")"}}
	add := rt == "adminAdd" || rt == "userAdd" || rt == "AdminAdd" || rt == "UserAdd"
	if add {
		sched := obj{{"startDateTime", g.date()}}
		if g.chance(0.6) {
			sched.set("expiration", obj{{"type", "afterDuration"}, {"duration", fmt.Sprintf("P%dD", []int{7, 30, 90}[g.r.Intn(3)])}})
		} else {
			sched.set("expiration", obj{{"type", "noExpiration"}})
		}
		body.set("schedule", sched)
		answers := []any{}
		for i := range 1 + g.r.Intn(4) {
			if g.chance(0.5) {
				answers = append(answers, obj{
					{"@odata.type", "#microsoft.graph.accessPackageAnswerString"}, {"value", g.pick(choiceQs[i%len(choiceQs)].choices)},
					{"answeredQuestion", obj{{"@odata.type", "#microsoft.graph.accessPackageMultipleChoiceQuestion"}, {"id", g.guid()}}},
				})
			} else {
				answers = append(answers, obj{
					{"@odata.type", "#microsoft.graph.accessPackageAnswerString"}, {"value", g.pick(reasons)},
					{"answeredQuestion", obj{{"@odata.type", "#microsoft.graph.accessPackageTextInputQuestion"}, {"id", g.guid()}}},
				})
			}
		}
		body.set("answers", answers)
	}
	if beta {
		body.set("isValidationOnly", false)
	}
	return body
}

// breakBody injects one defect of a random kind and returns its kind, JSON
// Pointer and description.
func (g *gen) breakBody(shape string, body *obj) (string, string, string) {
	kinds := []string{"unknown-property", "type", "enum", "required"}
	kind := kinds[g.r.Intn(len(kinds))]
	switch kind {
	case "unknown-property":
		prop := map[string]string{"v1.0-policy": "displayNme", "beta-policy": "requestorSetting", "v1.0-request": "justifcation", "beta-request": "comment"}[shape]
		body.set(prop, "x")
		return kind, "/" + prop, "added unknown property " + prop
	case "type":
		switch shape {
		case "v1.0-policy", "beta-policy":
			body.set("displayName", 100+g.r.Intn(900))
			return kind, "/displayName", "displayName is a number"
		}
		body.set("justification", []any{body.get("justification")})
		return kind, "/justification", "justification is an array"
	case "enum":
		switch shape {
		case "v1.0-policy":
			if g.chance(0.5) {
				body.set("allowedTargetScope", "allMemberUser")
				return kind, "/allowedTargetScope", "allowedTargetScope allMemberUser"
			}
			body.set("expiration", obj{{"type", "afterDurations"}, {"duration", "P30D"}})
			return kind, "/expiration/type", "expiration.type afterDurations"
		case "beta-policy":
			stages := body.get("requestApprovalSettings").(obj).get("approvalStages").([]any)
			if len(stages) > 0 {
				approver := stages[0].(obj).get("primaryApprovers").([]any)[0].(obj)
				approver.set("@odata.type", "#microsoft.graph.singleUsr")
				return kind, "/requestApprovalSettings/approvalStages/0/primaryApprovers/0/@odata.type", "approver @odata.type #microsoft.graph.singleUsr"
			}
			body.set("@odata.type", "#microsoft.graph.accessPackageAssignmentPolcy")
			return kind, "/@odata.type", "@odata.type #microsoft.graph.accessPackageAssignmentPolcy"
		case "v1.0-request":
			body.set("requestType", "adminAssign")
			return kind, "/requestType", "requestType adminAssign"
		}
		body.set("@odata.type", "#microsoft.graph.accessPackageAssignmentRequst")
		return kind, "/@odata.type", "@odata.type #microsoft.graph.accessPackageAssignmentRequst"
	}
	switch shape {
	case "v1.0-policy":
		body.del("accessPackage")
		return kind, "/accessPackage", "removed accessPackage"
	case "beta-policy":
		body.del("accessPackageId")
		return kind, "/accessPackageId", "removed accessPackageId"
	case "v1.0-request":
		body.del("requestType")
		return kind, "/requestType", "removed requestType"
	}
	body.del("accessPackageAssignment")
	return kind, "/accessPackageAssignment", "removed accessPackageAssignment"
}
