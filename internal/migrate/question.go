package migrate

import (
	"strings"

	"github.com/emlint/emlint/internal/pointer"
)

// Questions: beta accessPackageQuestion -> v1.0 (text and choices flattened).

func (c *conv) questions(v any, ptr string) any {
	out, ok := c.objectList(v, ptr, "questions", "question", func(obj *object, ep string) any { return c.question(obj, ep) })
	if !ok {
		return nil
	}
	return out
}

const (
	multipleChoice = "accessPackageMultipleChoiceQuestion"
	textInput      = "accessPackageTextInputQuestion"
)

func (c *conv) question(in *object, ptr string) *object {
	out := newObject()
	var carried []member
	if !in.has("@odata.type") {
		// The base type is abstract (MD): say which one it is.
		switch {
		case in.has("choices") || in.has("allowsMultipleSelection"):
			out.set("@odata.type", "#microsoft.graph."+multipleChoice)
			c.warn(ptr, "the question has no `@odata.type`, which v1.0 requires: it has choices, so the migration made it an `%s`", multipleChoice)
		case in.has("isSingleLineQuestion") || in.has("regexPattern"):
			out.set("@odata.type", "#microsoft.graph."+textInput)
			c.warn(ptr, "the question has no `@odata.type`, which v1.0 requires: the migration made it an `%s`", textInput)
		default:
			c.warn(ptr, "the question has no `@odata.type`, which v1.0 requires: set `#microsoft.graph.%s` or `#microsoft.graph.%s`", multipleChoice, textInput)
		}
	}
	for _, m := range in.members {
		mp := pointer.Join(ptr, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(out, m.val, mp, multipleChoice, textInput)
		case "id":
			// Question ids are service-generated and read-only (DC beta
			// create-policy example 3).
			c.info(mp, "`id` of a question is read-only: Graph assigns question ids, so it was left out")
		case "isRequired", "isAnswerEditable", "isSingleLineQuestion":
			c.copyBool(out, m.key, m.val, mp, m.key)
		case "sequence", "regexPattern":
			out.set(m.key, clone(m.val))
		case "text":
			c.localizedContent(out, m.val, mp, "text")
		case "allowsMultipleSelection":
			c.copyBool(out, "isMultipleSelectionAllowed", m.val, mp, m.key)
		case "choices":
			out.set("choices", c.choices(m.val, mp))
		case "localizations", "isMultipleSelectionAllowed":
			carried = append(carried, m)
		default:
			c.unknown(mp, m.key, "a question", multipleChoice, textInput)
		}
	}
	from := map[string]string{"localizations": "text.localizedTexts", "isMultipleSelectionAllowed": "allowsMultipleSelection"}
	for _, m := range carried {
		c.carry(out, m.key, m.val, pointer.Join(ptr, m.key), from[m.key])
	}
	out.sortBy(questionOrder)
	return out
}

func (c *conv) choices(v any, ptr string) any {
	out, ok := c.objectList(v, ptr, "choices", "choice", c.choice)
	if !ok {
		return nil
	}
	return out
}

func (c *conv) choice(obj *object, ep string) any {
	ch := newObject()
	var carried []member
	for _, m := range obj.members {
		mp := pointer.Join(ep, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(ch, m.val, mp, "accessPackageAnswerChoice")
		case "actualValue":
			ch.set(m.key, clone(m.val))
		case "displayValue":
			c.localizedContent(ch, m.val, mp, "displayValue")
		case "text", "localizations":
			carried = append(carried, m)
		default:
			c.unknown(mp, m.key, "an answer choice", "accessPackageAnswerChoice")
		}
	}
	for _, m := range carried {
		c.carry(ch, m.key, m.val, pointer.Join(ep, m.key), "displayValue")
	}
	ch.sortBy(choiceOrder)
	return ch
}

// localizedContent flattens a beta accessPackageLocalizedContent
// {defaultText, localizedTexts} into v1.0 `text` and `localizations` on out
// (MD: v1.0 question and answer choice text is a String, with an
// accessPackageLocalizedText collection beside it).
func (c *conv) localizedContent(out *object, v any, ptr, key string) {
	switch t := v.(type) {
	case nil:
		return
	case string:
		out.set("text", t)
		c.info(ptr, "`%s` is already a plain string, as in v1.0 (beta takes {\"defaultText\": ..., \"localizedTexts\": [...]}): carried over as `text`", key)
		return
	case *object:
	default:
		c.warn(ptr, "`%s` is %s, not localized content: left out", key, describe(v))
		return
	}
	obj := v.(*object)
	var locs []any
	hasLocs := false
	for _, m := range obj.members {
		mp := pointer.Join(ptr, m.key)
		switch m.key {
		case "@odata.type":
			if !strings.EqualFold(typeName(m.val), "accessPackageLocalizedContent") {
				c.warn(mp, "`@odata.type` %s is not `accessPackageLocalizedContent`: left out", describe(m.val))
			}
			// v1.0 has no object here to carry the type.
		case "defaultText":
			if m.val != nil {
				out.set("text", clone(m.val))
			}
		case "localizedTexts":
			hasLocs = true
			locs = c.localizedTexts(m.val, mp)
		default:
			c.unknown(mp, m.key, "`accessPackageLocalizedContent`", "accessPackageLocalizedContent")
		}
	}
	if hasLocs {
		out.set("localizations", locs)
	}
	if out.has("text") {
		return
	}
	// defaultText is documented as required, yet the beta examples leave it
	// out of choices (constraints.md §12.9); v1.0 requires a choice's text.
	for _, l := range locs {
		lo := l.(*object)
		if t, ok := lo.get("text"); ok {
			if s, ok := t.(string); ok && s != "" {
				lang, _ := lo.get("languageCode")
				out.set("text", s)
				c.warn(ptr, "`%s` has no `defaultText`, and v1.0 requires `text`: the migration used the %s localization, %q; replace it with the text in the default language", key, describe(lang), s)
				return
			}
		}
	}
	c.warn(ptr, "`%s` has no `defaultText` and no localized text: the v1.0 `text` is missing; write it", key)
}

func (c *conv) localizedTexts(v any, ptr string) []any {
	out, ok := c.objectList(v, ptr, "localizedTexts", "localized text", c.localizedText)
	if !ok {
		return []any{}
	}
	return out
}

func (c *conv) localizedText(obj *object, ep string) any {
	lt := newObject()
	for _, m := range obj.members {
		mp := pointer.Join(ep, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(lt, m.val, mp, "accessPackageLocalizedText")
		case "languageCode", "text":
			lt.set(m.key, clone(m.val))
		default:
			c.unknown(mp, m.key, "`accessPackageLocalizedText`", "accessPackageLocalizedText")
		}
	}
	lt.sortBy(localizedOrder)
	return lt
}
