// Package describe says, in plain words, what a policy or request body
// does: who can request access, who approves, for how long, how access is
// reviewed; and for a request, who asks for what. It reads the body alone
// (ids stay ids: emlint never calls Graph). A beta body is read through
// its v1.0 equivalent (internal/migrate), so that both versions are told
// in the same terms.
package describe

// Facts are what a reviewer needs to know about one body. The JSON form is
// documented in the README ("emlint describe").
type Facts struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`             // where the body starts in the file
	API      string   `json:"api"`              // the version the body is written for
	Kind     string   `json:"kind"`             // policy or request
	Note     string   `json:"note,omitempty"`   // how the body was read, when it matters
	Policy   *Policy  `json:"policy,omitempty"` // for a policy
	Request  *Request `json:"request,omitempty"`
	Findings Counts   `json:"findings"` // what `emlint lint` finds in the body
}

// Counts counts findings by severity.
type Counts struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Policy is an assignment policy's facts.
type Policy struct {
	Name          string `json:"name,omitempty"`
	Description   string `json:"description,omitempty"`
	AccessPackage string `json:"accessPackage,omitempty"` // the access package's id
	// Who can request: the scope in words, its value as sent, and the
	// principals of a specific scope.
	Scope      string    `json:"scope"`
	ScopeValue string    `json:"scopeValue,omitempty"`
	Targets    []Subject `json:"targets,omitempty"`
	// What requestors may do themselves, and who may ask for others.
	SelfRequest bool      `json:"selfRequest"`
	SelfExtend  bool      `json:"selfExtend"`
	SelfRemove  bool      `json:"selfRemove"`
	OnBehalf    []Subject `json:"onBehalfRequestors,omitempty"`
	// Approval of new requests and of updates (extensions).
	Approval Approval `json:"approval"`
	// Expiry of the assignments the policy grants, in words, and in days
	// for comparisons (see expiryDays).
	Expiry         string `json:"expiry"`
	expiryDays     float64
	CustomSchedule bool `json:"customSchedule"` // requestors may pick their own start and end
	// Access reviews, or nil when the policy has none.
	Review *Review `json:"review,omitempty"`
	// Questions asked of requestors, in their order.
	Questions []Question `json:"questions,omitempty"`
	// Custom extensions called at stages of a request or assignment.
	Extensions []Extension `json:"customExtensions,omitempty"`
	// Automatic assignment, or nil when the policy is not automatic.
	Automatic *Automatic `json:"automatic,omitempty"`
}

// Subject is a principal or set of principals (a subjectSet, a user), in
// words, with its type and id as sent.
type Subject struct {
	Type  string `json:"type"`
	ID    string `json:"id,omitempty"`
	Words string `json:"words"`
}

// Approval is a policy's approval settings.
type Approval struct {
	ForAdd                 bool    `json:"requiredForNewRequests"`
	ForUpdate              bool    `json:"requiredForUpdates"`
	RequestorJustification bool    `json:"requestorJustificationRequired"`
	Stages                 []Stage `json:"stages,omitempty"`
}

// Stage is one approval stage.
type Stage struct {
	Timeout               string    `json:"timeout,omitempty"` // in words: how long approvers have
	timeoutDays           float64   // the same in days; -1 when not known
	Approvers             []Subject `json:"approvers,omitempty"`
	Fallback              []Subject `json:"fallbackApprovers,omitempty"`
	Escalation            bool      `json:"escalation"`
	EscalationAfter       string    `json:"escalationAfter,omitempty"`
	EscalationApprovers   []Subject `json:"escalationApprovers,omitempty"`
	FallbackEscalation    []Subject `json:"fallbackEscalationApprovers,omitempty"`
	ApproverJustification bool      `json:"approverJustificationRequired"`
}

// Review is a policy's access review settings.
type Review struct {
	Every          string    `json:"every,omitempty"` // how often, in words
	everyDays      float64   // the same in days; 0 when not known
	Duration       string    `json:"duration,omitempty"` // how long each review lasts
	Starts         string    `json:"starts,omitempty"`
	Reviewers      []Subject `json:"reviewers,omitempty"`
	Fallback       []Subject `json:"fallbackReviewers,omitempty"`
	SelfReview     bool      `json:"selfReview"`
	NoDecision     string    `json:"withoutDecision,omitempty"` // what happens when nobody decides
	Recommendation bool      `json:"recommendations"`
	Justification  bool      `json:"reviewerJustificationRequired"`
}

// Question is a question asked of requestors.
type Question struct {
	Text     string   `json:"text"`
	Type     string   `json:"type"` // "text" or "choice"
	Required bool     `json:"required"`
	Choices  []string `json:"choices,omitempty"`
	Multiple bool     `json:"multipleSelection,omitempty"`
	Pattern  string   `json:"regexPattern,omitempty"`
}

// Extension is a custom extension called at a stage.
type Extension struct {
	Stage     string `json:"stage"`
	Extension string `json:"customExtension"` // its id, or its name when the body defines it
}

// Automatic is a policy's automatic assignment settings.
type Automatic struct {
	RequestForTargets    bool   `json:"requestAccessForAllowedTargets"`
	RemoveWhenTargetLeft bool   `json:"removeAccessWhenTargetLeavesAllowedTargets"`
	GracePeriod          string `json:"gracePeriodBeforeAccessRemoval,omitempty"`
}

// Request is an assignment request's facts.
type Request struct {
	Type          string   `json:"requestType"`
	Words         string   `json:"words"` // what the request type does
	Target        *Subject `json:"target,omitempty"`
	TargetID      string   `json:"targetId,omitempty"`
	Assignment    string   `json:"assignment,omitempty"` // the existing assignment's id, for an update or removal
	AccessPackage string   `json:"accessPackage,omitempty"`
	Policy        string   `json:"assignmentPolicy,omitempty"`
	Starts        string   `json:"starts,omitempty"`
	Expiry        string   `json:"expiry,omitempty"`
	expiryDays    float64
	Answers       []Answer `json:"answers,omitempty"`
	Justification string   `json:"justification,omitempty"`
}

// Answer is a requestor's answer to a question.
type Answer struct {
	Question string `json:"question"` // the question's id
	Value    string `json:"value"`
}
