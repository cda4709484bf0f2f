package crossfile

import (
	"strings"

	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/schemas"
	"github.com/tidwall/gjson"
)

// policy is what the checks read from a policy body, in either shape.
type policy struct {
	d *doc

	// hasQuestions: the body has a `questions` array, so it lists every
	// question (an export without $expand may leave the member out).
	hasQuestions bool
	// questionsByID is set only when every question carries a string id:
	// otherwise an answer may name a question whose id the body lacks.
	questionsByID map[string]*question
	questions     []*question
}

// question is one policy question.
type question struct {
	ptr       string
	id        string // "" when the question has no usable id
	required  bool
	text      string // its display text, for messages
	choice    bool
	multi     bool     // several choices may be picked
	choices   []string // the actualValue of each choice
	textInput bool     // a text-input question
	pattern   string   // its regexPattern, "" if none
}

func readPolicy(d *doc) *policy {
	p := &policy{d: d}
	qs := get(d.root, "questions")
	if !qs.IsArray() {
		return p
	}
	p.hasQuestions = true
	byID := map[string]*question{}
	allIDs := true
	for i, q := range qs.Array() {
		if !q.IsObject() {
			allIDs = false
			continue
		}
		qu := readQuestion(q, pointer.Index("/questions", i))
		p.questions = append(p.questions, qu)
		if qu.id == "" {
			allIDs = false
			continue
		}
		byID[strings.ToLower(qu.id)] = qu
	}
	if allIDs {
		p.questionsByID = byID
	}
	return p
}

func readQuestion(q gjson.Result, ptr string) *question {
	qu := &question{ptr: ptr, required: get(q, "isRequired").Type == gjson.True}
	qu.id, _ = usableString(get(q, "id"))
	switch t := get(q, "text"); {
	case t.Type == gjson.String: // v1.0
		qu.text = t.Str
	case t.IsObject(): // beta accessPackageLocalizedContent
		if dt := get(t, "defaultText"); dt.Type == gjson.String {
			qu.text = dt.Str
		}
	}
	typ := odataTypeName(q)
	choices := get(q, "choices")
	qu.choice = strings.EqualFold(typ, "accessPackageMultipleChoiceQuestion") || (typ == "" && choices.IsArray())
	qu.textInput = strings.EqualFold(typ, "accessPackageTextInputQuestion") || (typ == "" && get(q, "regexPattern").Exists())
	if qu.choice {
		qu.multi = get(q, "isMultipleSelectionAllowed").Type == gjson.True || get(q, "allowsMultipleSelection").Type == gjson.True
		for _, c := range choices.Array() {
			if v := get(c, "actualValue"); v.Type == gjson.String {
				qu.choices = append(qu.choices, v.Str)
			}
		}
	}
	if qu.textInput {
		if rp := get(q, "regexPattern"); rp.Type == gjson.String {
			qu.pattern = rp.Str
		}
	}
	return qu
}

// accessPackageID returns the id of the policy's access package and its
// pointer: `accessPackage.id` in v1.0, `accessPackageId` in the legacy beta
// API, either name accepted in either shape.
func (p *policy) accessPackageID() (string, string) {
	v1 := func() (string, string) {
		if id, ok := usableString(get(get(p.d.root, "accessPackage"), "id")); ok {
			return id, "/accessPackage/id"
		}
		return "", ""
	}
	beta := func() (string, string) {
		if id, ok := usableString(get(p.d.root, "accessPackageId")); ok {
			return id, "/accessPackageId"
		}
		return "", ""
	}
	first, second := v1, beta
	if p.d.api == schemas.Beta {
		first, second = beta, v1
	}
	if id, ptr := first(); id != "" {
		return id, ptr
	}
	return second()
}

// request is what the checks read from a request body, in either shape.
type request struct {
	d *doc

	typ    string // requestType in camelCase, "" if missing or unknown
	rawTyp string // requestType as written

	assignment    gjson.Result
	assignmentPtr string // "" when the body has no assignment object

	policyID, policyPtr   string
	packageID, packagePtr string
}

// requestTypes are the request types a client sends, in camelCase.
var requestTypes = []string{"userAdd", "userUpdate", "userRemove", "userExtend", "adminAdd", "adminUpdate", "adminRemove"}

func readRequest(d *doc) *request {
	r := &request{d: d}
	if t := get(d.root, "requestType"); t.Type == gjson.String {
		r.rawTyp = t.Str
		for _, known := range requestTypes {
			if strings.EqualFold(t.Str, known) {
				r.typ = known
			}
		}
	}
	keys := []string{"assignment", "accessPackageAssignment"}
	if d.api == schemas.Beta {
		keys[0], keys[1] = keys[1], keys[0]
	}
	for _, k := range keys {
		if a := get(d.root, k); a.IsObject() {
			r.assignment, r.assignmentPtr = a, pointer.Join("", k)
			break
		}
	}
	if r.assignmentPtr == "" {
		return r
	}
	r.policyID, r.policyPtr = idOrNav(r.assignment, r.assignmentPtr, "assignmentPolicyId", "assignmentPolicy")
	r.packageID, r.packagePtr = idOrNav(r.assignment, r.assignmentPtr, "accessPackageId", "accessPackage")
	return r
}

// idOrNav reads a reference an assignment makes by its id member
// (`assignmentPolicyId`) or, as one docs example does, by a navigation
// object (`assignmentPolicy: {"id": ...}`).
func idOrNav(a gjson.Result, aptr, idKey, navKey string) (string, string) {
	if id, ok := usableString(get(a, idKey)); ok {
		return id, pointer.Join(aptr, idKey)
	}
	if id, ok := usableString(get(get(a, navKey), "id")); ok {
		return id, pointer.Join(aptr, navKey, "id")
	}
	return "", ""
}

// isAdd, isUser and isRemove group the request types.
func (r *request) isAdd() bool    { return r.typ == "userAdd" || r.typ == "adminAdd" }
func (r *request) isUser() bool   { return strings.HasPrefix(r.typ, "user") }
func (r *request) isRemove() bool { return strings.HasSuffix(r.typ, "Remove") }

// onBehalf reports whether a user request names its target with a `target`
// object, as the on-behalf-of recipe does (a manager for a direct report);
// a request for oneself sends no target or only `targetId`.
func (r *request) onBehalf() bool {
	t := get(r.assignment, "target")
	return t.IsObject() && (get(t, "objectId").Exists() || get(t, "email").Exists())
}
