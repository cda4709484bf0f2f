package migrate

import (
	"github.com/emlint/emlint/internal/graph"
	"strings"

	"github.com/emlint/emlint/internal/pointer"
)

// Access reviews: beta accessReviewSettings -> v1.0 reviewSettings, and notification settings.

func (c *conv) reviewSettings(v any, ptr string) any {
	obj, ok := c.asObject(v, ptr, "`accessReviewSettings`")
	if !ok {
		return nil
	}
	out := newObject()
	sched := newObject()
	var reviewerType, reviewers any
	hasType, hasReviewers := false, false
	var carried []member
	for _, m := range obj.members {
		mp := pointer.Join(ptr, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(out, m.val, mp, "assignmentReviewSettings")
		case "isEnabled":
			c.copyBool(out, m.key, m.val, mp, m.key)
		case "accessReviewTimeoutBehavior":
			out.set("expirationBehavior", clone(m.val)) // same members (MD)
		case "isAccessRecommendationEnabled":
			c.copyBool(out, "isRecommendationEnabled", m.val, mp, m.key)
		case "isApprovalJustificationRequired":
			c.copyBool(out, "isReviewerJustificationRequired", m.val, mp, m.key)
		case "isAgenticExperienceEnabled":
			c.warn(mp, "`isAgenticExperienceEnabled` is beta-only: v1.0 review settings have no such switch; left out")
		case "reviewerType":
			reviewerType, hasType = m.val, true
		case "reviewers":
			reviewers, hasReviewers = m.val, true
		case "startDateTime":
			if m.val != nil {
				sched.set("startDateTime", clone(m.val))
			}
		case "durationInDays":
			if m.val == nil {
				continue
			}
			if n, ok := c.wholeNumber(m.val, mp, m.key); ok {
				if n == 0 {
					c.warn(mp, "`durationInDays` 0 gives reviews no time to run: left out; set `schedule.expiration` by hand")
					continue
				}
				exp := newObject()
				exp.set("type", "afterDuration")
				exp.set("duration", graph.ISODays(n))
				sched.set("expiration", exp)
			}
		case "recurrenceType":
			if m.val != nil {
				c.recurrence(sched, m.val, mp)
			}
		case "expirationBehavior", "isRecommendationEnabled", "isReviewerJustificationRequired", "isSelfReview", "primaryReviewers", "fallbackReviewers", "schedule":
			carried = append(carried, m)
		default:
			c.unknown(mp, m.key, "`accessReviewSettings`", "assignmentReviewSettings")
		}
	}
	c.reviewers(out, reviewerType, hasType, reviewers, hasReviewers, ptr)
	if sched.len() > 0 {
		sched.sortBy(scheduleOrder)
		out.set("schedule", sched)
	}
	from := map[string]string{"expirationBehavior": "accessReviewTimeoutBehavior", "isRecommendationEnabled": "isAccessRecommendationEnabled",
		"isReviewerJustificationRequired": "isApprovalJustificationRequired", "isSelfReview": "reviewerType",
		"primaryReviewers": "reviewers", "fallbackReviewers": "reviewerType", "schedule": "startDateTime/durationInDays/recurrenceType"}
	for _, m := range carried {
		if m.key == "fallbackReviewers" {
			if fb, _ := out.get(m.key); fb != nil && len(fb.([]any)) == 0 {
				out.del(m.key) // only the empty list the migration adds
			}
		}
		c.carry(out, m.key, m.val, pointer.Join(ptr, m.key), from[m.key])
	}
	out.sortBy(reviewOrder)
	return out
}

func (c *conv) recurrence(sched *object, v any, ptr string) {
	s, _ := v.(string)
	r, ok := graph.Recurrences[strings.ToLower(s)]
	if !ok {
		c.warn(ptr, "`recurrenceType` %s has no known v1.0 recurrence pattern: left out; set `schedule.recurrence` by hand (weekly, monthly, quarterly, halfyearly and annual are migrated)", describe(v))
		return
	}
	pattern := newObject()
	pattern.set("type", r.Type)
	pattern.set("interval", r.Interval)
	rng := newObject()
	rng.set("type", "noEnd")
	rec := newObject()
	rec.set("pattern", pattern)
	rec.set("range", rng)
	sched.set("recurrence", rec)
	if r.Type == "absoluteYearly" {
		// TF maps annual to absoluteYearly; the v1.0 patternedRecurrence
		// description (SDKV patterned_recurrence.py) says access reviews honour
		// only weekly and absoluteMonthly.
		c.warn(ptr, "`recurrenceType` %q became an `absoluteYearly` pattern (interval 1), but Graph documents only `weekly` and `absoluteMonthly` patterns as honoured for access reviews: if reviews do not recur yearly, use {\"type\": \"absoluteMonthly\", \"interval\": 12}", s)
	}
}

// reviewers migrates beta reviewerType and reviewers to v1.0 isSelfReview,
// primaryReviewers and fallbackReviewers (TF; DC beta
// assignmentreviewsettings.md: reviewerType Self or Reviewers, the metadata
// adds Manager; reviewers apply to Reviewers).
func (c *conv) reviewers(out *object, reviewerType any, hasType bool, reviewers any, hasReviewers bool, ptr string) {
	typePtr, listPtr := pointer.Join(ptr, "reviewerType"), pointer.Join(ptr, "reviewers")
	list, _ := reviewers.([]any)
	if hasReviewers && reviewers != nil && list == nil {
		c.warn(listPtr, "`reviewers` is %s, not a list: left out", describe(reviewers))
		hasReviewers = false
	}
	convert := func() []any {
		out := []any{}
		for i, e := range list {
			ep := pointer.Index(listPtr, i)
			s, backup, ok := c.subjectSet(e, ep)
			if !ok {
				continue
			}
			if backup {
				c.warn(pointer.Join(ep, "isBackup"), "`isBackup` true on a reviewer has no documented meaning: the reviewer was kept in `primaryReviewers`; move it to `fallbackReviewers` if it should review only when the primary reviewers cannot be found")
			}
			out = append(out, s)
		}
		return out
	}
	s, _ := reviewerType.(string)
	switch {
	case !hasType || reviewerType == nil:
		if len(list) > 0 {
			out.set("isSelfReview", false)
			out.set("primaryReviewers", convert())
			out.set("fallbackReviewers", []any{})
			c.warn(listPtr, "`reviewers` is set but `reviewerType` is not: the reviewers became `primaryReviewers` and `isSelfReview` false; check")
		}
		return
	case strings.EqualFold(s, "Self"):
		out.set("isSelfReview", true)
		out.set("primaryReviewers", []any{})
		if len(list) > 0 {
			c.warn(listPtr, "`reviewers` lists %d reviewer(s), which reviewerType `Self` ignores (assignees review themselves): left out, and `primaryReviewers` is []", len(list))
		}
	case strings.EqualFold(s, "Reviewers"):
		out.set("isSelfReview", false)
		out.set("primaryReviewers", convert())
		if len(list) == 0 {
			c.warn(typePtr, "`reviewerType` is `Reviewers` but `reviewers` is empty: nobody reviews; list `primaryReviewers`")
		}
	case strings.EqualFold(s, "Manager"):
		out.set("isSelfReview", false)
		mgr := newObject()
		mgr.set("@odata.type", "#microsoft.graph.requestorManager")
		mgr.set("managerLevel", 1)
		out.set("primaryReviewers", []any{mgr})
		c.warn(typePtr, "`reviewerType` `Manager` became a `requestorManager` (level 1) primary reviewer: add `fallbackReviewers` (a user or group) for assignees who have no manager, as the Entra docs advise")
		if len(list) > 0 {
			c.warn(listPtr, "`reviewers` lists %d reviewer(s), which reviewerType `Manager` does not use: left out; they may belong in `fallbackReviewers`", len(list))
		}
	default:
		c.warn(typePtr, "`reviewerType` %s is not Self, Reviewers or Manager: left out; the reviewers became `primaryReviewers`; set `isSelfReview`", describe(reviewerType))
		out.set("primaryReviewers", convert())
	}
	out.set("fallbackReviewers", []any{})
}

// ---- notification settings ----

func (c *conv) notificationSettings(v any, ptr string) any {
	obj, ok := c.asObject(v, ptr, "`accessPackageNotificationSettings`")
	if !ok {
		return nil
	}
	out := newObject()
	for _, m := range obj.members {
		mp := pointer.Join(ptr, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(out, m.val, mp, "accessPackageNotificationSettings")
		case "isAssignmentNotificationDisabled":
			c.copyBool(out, m.key, m.val, mp, m.key)
		default:
			c.unknown(mp, m.key, "`accessPackageNotificationSettings`", "accessPackageNotificationSettings")
		}
	}
	return out
}
