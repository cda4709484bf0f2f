package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestExpirationFieldsMatchType(t *testing.T) {
	runCases(t, ExpirationFieldsMatchType, []ruleCase{
		{
			name:  "duration with noExpiration",
			shape: V1Policy,
			body:  `{"expiration": {"type": "noExpiration", "duration": "P30D"}}`,
			want:  []want{{finding.Error, "/expiration/duration", "but `type` is `noExpiration`: set the type to `afterDuration`"}},
		},
		{
			name:  "duration without type",
			shape: V1Policy,
			body:  `{"expiration": {"duration": "PT8H"}}`,
			want:  []want{{finding.Error, "/expiration", "add `\"type\": \"afterDuration\"`"}},
		},
		{
			name:  "afterDateTime with a duration and no end",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "schedule": {"expiration": {"type": "afterDateTime", "duration": "P30D"}}}`,
			want: []want{
				{finding.Error, "/schedule/expiration/duration", "but `type` is `afterDateTime`"},
				{finding.Warning, "/schedule/expiration/type", "no `endDateTime`"},
			},
		},
		{
			name:  "afterDuration with an end date and no duration",
			shape: V1Policy,
			body:  `{"expiration": {"type": "afterDuration", "duration": null, "endDateTime": "2027-01-01T00:00:00Z"}}`,
			want: []want{
				{finding.Warning, "/expiration/type", "no `duration`"},
				{finding.Warning, "/expiration/endDateTime", "`type` is `afterDuration`: remove it"},
			},
		},
		{
			name:  "endDateTime with notSpecified",
			shape: BetaRequest,
			body:  `{"requestType": "UserAdd", "schedule": {"expiration": {"type": "notSpecified", "endDateTime": "2027-01-01T00:00:00Z"}}}`,
			want:  []want{{finding.Warning, "/schedule/expiration/endDateTime", "ignored when `type` is `notSpecified`"}},
		},
		{
			name:  "endDateTime without type, in an access review schedule",
			shape: V1Policy,
			body:  `{"reviewSettings": {"schedule": {"expiration": {"endDateTime": "2027-01-01T00:00:00Z"}}}}`,
			want:  []want{{finding.Warning, "/reviewSettings/schedule/expiration", "add `\"type\": \"afterDateTime\"`"}},
		},
		{
			name:  "near miss: docs example 1 (nulls with noExpiration)",
			shape: V1Policy,
			body:  `{"expiration": {"endDateTime": null, "duration": null, "type": "noExpiration"}}`,
		},
		{
			name:  "near miss: docs request example 7",
			shape: V1Request,
			body:  `{"requestType": "adminUpdate", "schedule": {"expiration": {"endDateTime": "2024-07-01T00:00:00.00Z", "duration": null, "type": "afterDateTime"}}}`,
		},
		{
			name:  "near miss: review duration (docs example 2) and a wrong-case type",
			shape: V1Policy,
			body:  `{"expiration": {"type": "AfterDuration", "duration": "P365D"}, "reviewSettings": {"schedule": {"expiration": {"duration": "P14D", "type": "afterDuration"}}}}`,
		},
		{
			name:  "near miss: unknown type is the schema's",
			shape: V1Policy,
			body:  `{"expiration": {"type": "duration", "duration": "P30D"}}`,
		},
		{
			name:  "near miss: the beta policy has no expiration (cross-version-property)",
			shape: BetaPolicy,
			body:  `{"expiration": {"type": "noExpiration", "duration": "P365D"}}`,
		},
	})
}
