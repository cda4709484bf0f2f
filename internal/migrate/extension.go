package migrate

import (
	"strings"

	"github.com/emlint/emlint/internal/pointer"
)

// Custom extensions and verifiable credentials.

func (c *conv) stageSettings(v any, ptr string) any {
	list, ok := v.([]any)
	if !ok {
		if v != nil {
			c.warn(ptr, "`customExtensionStageSettings` is %s, not a list: left out", describe(v))
		}
		return nil
	}
	out := []any{}
	for i, e := range list {
		if s := c.stageSetting(e, pointer.Index(ptr, i), "customExtensionStageSetting"); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// stageSetting migrates one customExtensionStageSetting, or one deprecated
// customExtensionHandler (same stage and customExtension reference: DC beta
// customextensionhandler.md names customExtensionStageSettings as its
// replacement). nil when it cannot be migrated.
func (c *conv) stageSetting(v any, ptr, betaType string) *object {
	obj, ok := v.(*object)
	if !ok {
		c.warn(ptr, "the entry is %s, not an object: left out", describe(v))
		return nil
	}
	out := newObject()
	for _, m := range obj.members {
		mp := pointer.Join(ptr, m.key)
		switch m.key {
		case "@odata.type":
			c.odataType(out, m.val, mp, betaType)
		case "id":
			c.readOnly(mp, "id")
		case "stage":
			out.set("stage", clone(m.val))
		case "customExtension":
			ext, ok := m.val.(*object)
			if !ok {
				c.warn(mp, "`customExtension` is %s, not a reference to an extension: left out", describe(m.val))
				continue
			}
			ref := newObject()
			for _, em := range ext.members {
				switch em.key {
				case "id", "@odata.type":
					ref.set(em.key, clone(em.val))
				default:
					c.info(pointer.Join(mp, em.key), "`%s` of the custom extension cannot be set through a policy, which references the extension by `id`: left out", em.key)
				}
			}
			ref.sortBy([]string{"@odata.type", "id"})
			out.set("customExtension", ref)
		default:
			c.unknown(mp, m.key, "`"+betaType+"`", betaType)
		}
	}
	if betaType == "customExtensionHandler" {
		ext, _ := out.get("customExtension")
		ref, _ := ext.(*object)
		if !out.has("stage") || ref == nil || !ref.has("id") {
			c.warn(ptr, "the custom extension handler has no `stage` or no `customExtension` id, so it cannot become a `customExtensionStageSetting`: left out")
			return nil
		}
		if ref.has("@odata.type") {
			if t, _ := ref.get("@odata.type"); strings.EqualFold(typeName(t), "customAccessPackageWorkflowExtension") {
				c.warn(pointer.Join(ptr, "customExtension", "@odata.type"), "a `customAccessPackageWorkflowExtension` is the deprecated extension type: a v1.0 stage setting needs an `accessPackageAssignmentRequestWorkflowExtension` or `accessPackageAssignmentWorkflowExtension`; left out of the reference")
				ref.del("@odata.type")
			}
		}
	}
	out.sortBy(stageSetOrder)
	return out
}

func (c *conv) handlers(v any, ptr string) []any {
	list, ok := v.([]any)
	switch {
	case v == nil:
		c.info(ptr, "`customExtensionHandlers` is deprecated (retired 2023-12-31) and has no v1.0 counterpart; null asks for nothing: left out")
		return nil
	case !ok:
		c.warn(ptr, "`customExtensionHandlers` is %s, not a list: left out", describe(v))
		return nil
	case len(list) == 0:
		c.info(ptr, "`customExtensionHandlers` [] removed the deprecated handlers in beta; v1.0 has none to remove: left out (to remove v1.0 custom extensions, send `customExtensionStageSettings`: [])")
		return nil
	}
	var out []any
	for i, e := range list {
		ep := pointer.Index(ptr, i)
		if s := c.stageSetting(e, ep, "customExtensionHandler"); s != nil {
			out = append(out, s)
			c.warn(ep, "the deprecated custom extension handler became a `customExtensionStageSetting` with the same stage and extension: the extension must be an `accessPackageAssignmentRequestWorkflowExtension` or `accessPackageAssignmentWorkflowExtension`, not a deprecated `customAccessPackageWorkflowExtension`; check it")
		}
	}
	return out
}

// mergeHandlers appends the stage settings made from handlers, skipping
// those the body's own customExtensionStageSettings already has.
func (c *conv) mergeHandlers(out *object, handlers []any) {
	if len(handlers) == 0 {
		return
	}
	have, _ := out.get("customExtensionStageSettings")
	list, _ := have.([]any)
	for _, h := range handlers {
		dup := false
		for _, s := range list {
			dup = dup || sameJSON(stripType(s), stripType(h))
		}
		if !dup {
			list = append(list, h)
		}
	}
	out.set("customExtensionStageSettings", list)
}

func stripType(v any) any {
	o := clone(v).(*object)
	o.del("@odata.type")
	return o
}

func (c *conv) verifiableCredentials(v any, ptr string) {
	obj, _ := v.(*object)
	if v == nil {
		c.info(ptr, "`verifiableCredentialSettings` is beta-only and null asks for nothing: left out")
		return
	}
	if obj != nil {
		types, _ := obj.get("credentialTypes")
		if list, ok := types.([]any); ok && len(list) == 0 {
			c.info(ptr, "`verifiableCredentialSettings` is beta-only and requires no credential here: left out")
			return
		}
	}
	c.warn(ptr, "`verifiableCredentialSettings` is beta-only: v1.0 policies cannot require a verifiable credential, so requestors will no longer be asked for one; left out")
}
