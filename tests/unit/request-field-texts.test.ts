// Every request field of the rights catalogue has its texts in bokmål, nynorsk and English, under
// the key patterns the form, the summary and the staff case page build (i18n/request-field-keys.ts):
// a new field or option without them fails here, as it fails `tsc` for bokmål.
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { isMessageKeyIn } from "@/i18n/translator";
import { fieldLabelKey, fieldOptionKey, fieldRequiredUnlessKey, staffFieldOptionKey, type OptionField } from "@/i18n/request-field-keys";
import { REQUEST_FIELD_TYPES, REQUEST_FIELDS, RIGHTS, RIGHTS_CATALOGUE, NARROWING_FIELDS, type FieldOption } from "@/lib/domain/rights";

const LOCALES = ["nb", "nn", "en"] as const;

function optionsOf(field: OptionField): string[] {
  const type = REQUEST_FIELD_TYPES[field];
  return type.kind === "enum" ? [...type.options] : ["yes", "no"];
}

describe.each(LOCALES)("request field texts in %s", (locale) => {
  const messages = loadMessages(locale);
  const missing = (keys: string[]) => keys.filter((key) => !isMessageKeyIn(messages, key));

  it("a label for every field, for the citizen and (a right's own fields) for the caseworker", () => {
    expect(missing(REQUEST_FIELDS.map(fieldLabelKey))).toEqual([]);
    const rightFields = REQUEST_FIELDS.filter((f) => !(NARROWING_FIELDS as readonly string[]).includes(f));
    expect(missing(rightFields.map((f) => `requestDetails.fields.${f}`))).toEqual([]);
  });

  it("a label for every option, in the citizen's and in the caseworker's words", () => {
    const optionFields = REQUEST_FIELDS.filter((f): f is OptionField => REQUEST_FIELD_TYPES[f].kind !== "text" && REQUEST_FIELD_TYPES[f].kind !== "date");
    expect(optionFields.length).toBeGreaterThan(0);
    for (const field of optionFields) {
      const options = optionsOf(field) as FieldOption<typeof field>[];
      expect(missing(options.map((o) => fieldOptionKey(field, o)))).toEqual([]);
      expect(missing(options.map((o) => staffFieldOptionKey(field, o)))).toEqual([]);
    }
  });

  it("an error text for every required field, and a 'required unless' text where another answer can make it unnecessary", () => {
    for (const right of RIGHTS) {
      for (const spec of RIGHTS_CATALOGUE[right].fields) {
        if (spec.required) expect(missing([`requestFlow.validation.${spec.name}.required`])).toEqual([]);
        if (spec.requiredUnless) expect(missing([fieldRequiredUnlessKey(spec.name)])).toEqual([]);
      }
    }
  });
});
