"use server";

import { REQUEST_FIELDS } from "@/lib/domain/rights";

// Server actions of the request flow. Thin: read the form -> zod (the step's shared schema) ->
// save the draft or call the submit service -> redirect. Work with plain <form> posts (no JS).
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { findCaseBySubmissionKey, submitRequest } from "@/lib/cases/submit-request";
import { isDomainError } from "@/lib/domain/errors";
import { maskNationalId } from "@/lib/domain/national-id";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { currentCitizen, requireCitizen } from "@/lib/citizen-auth/session";
import { maskedIdPortenNationalId } from "@/lib/citizen-auth/own-national-id";
import { enforceRateLimits, tooManyRequestsPath } from "@/lib/abuse";
import { clientIp } from "@/lib/abuse/client-ip";
import {
  aboutStepSchema,
  allowSyntheticNationalIds,
  detailsForRights,
  detailsStepSchema,
  fieldErrors,
  whatStepSchema,
  type SubmitRequest,
} from "@/lib/requests/request-schema";
import { deleteDraft, firstIncompleteStep, type DraftData } from "@/lib/requests/draft";
import { isLocale } from "@/i18n/locales";
import { tryAction } from "@/lib/http/action-failure";
import { currentDraft, forgetDraftCookie, updateDraft } from "./draft-session";
import { osloDateOf } from "@/lib/domain/calendar";
import { now as clockNow } from "@/lib/clock";

export type StepState = {
  errors: Record<string, string>;
  values: Record<string, unknown>;
  errorId?: string;
};

function text(formData: FormData, key: string): string | undefined {
  const value = formData.get(key);
  return typeof value === "string" ? value : undefined;
}

function pick(formData: FormData, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = text(formData, key);
  return out;
}

/** Where to go after saving a step: back to the summary when the user came from there ("Endre"). */
function nextStep(formData: FormData, data: DraftData, normalNext: string): never {
  const first = firstIncompleteStep(data);
  if (text(formData, "returnTo") === "summary" && first === "summary") redirect("/request/summary");
  const order = ["what", "details", "about", "summary"];
  const target = order.indexOf(first) < order.indexOf(normalNext) ? first : normalNext;
  redirect(`/request/${target}`);
}

export async function saveWhatAction(_previous: StepState, formData: FormData): Promise<StepState> {
  const raw = { rights: formData.getAll("rights").filter((v): v is string => typeof v === "string") };
  const parsed = whatStepSchema.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: raw };
  const draft = await updateDraft((data) => ({ ...data, rights: parsed.data.rights }));
  nextStep(formData, draft.data, "details");
}

// The details step posts every right-specific field of the catalogue, plus unit and description.
const DETAIL_KEYS = [...REQUEST_FIELDS, "unit", "description"] as const;

export async function saveDetailsAction(_previous: StepState, formData: FormData): Promise<StepState> {
  const draft = await currentDraft();
  if (!draft?.data.rights?.length) redirect("/request/what");
  const raw = { ...pick(formData, DETAIL_KEYS), rights: draft.data.rights };
  const parsed = detailsStepSchema.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: raw };
  const { rights, unit, description, ...values } = parsed.data;
  const kept = detailsForRights(rights, values) as Record<string, string | boolean>;
  const saved = await updateDraft((data) => ({ ...data, details: { values: kept, unit, description } }));
  nextStep(formData, saved.data, "about");
}

const ABOUT_KEYS = [
  "name",
  "nationalId",
  "onBehalfOf",
  "subjectName",
  "subjectNationalId",
  "declaration",
  "answerChannel",
  "postalAddress",
  "email",
] as const;

export async function saveAboutAction(_previous: StepState, formData: FormData): Promise<StepState> {
  const draft = await currentDraft();
  if (!draft || firstIncompleteStep(draft.data) === "what" || firstIncompleteStep(draft.data) === "details") {
    redirect("/request/what");
  }
  const raw = pick(formData, ABOUT_KEYS);
  const citizen = await currentCitizen();
  const schema = aboutStepSchema({ allowSynthetic: allowSyntheticNationalIds(), emailOptional: Boolean(citizen?.email), today: osloDateOf(clockNow()) });
  const parsed = schema.safeParse(raw);
  // Never echo a fødselsnummer back into the page.
  const echo = { ...raw, nationalId: "", subjectNationalId: "" };
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: echo };
  const v = parsed.data;
  // The schema refuses "deceased" (no GDPR case for a person who has died); this narrows the type.
  const onBehalfOf = v.onBehalfOf;
  if (onBehalfOf === "deceased") return { errors: { onBehalfOf: "requestFlow.validation.onBehalfOf.deceased" }, values: echo };
  const previous = draft.data.about;
  const self = v.onBehalfOf === "self";
  // Signed in with ID-porten: the requester's own number is the session's pid, never a typed one.
  const pidMasked = citizen?.method === "idporten" ? await maskedIdPortenNationalId(citizen.identityId) : null;
  // An empty fødselsnummer field keeps the one given before (it is never shown again in full).
  const own = pidMasked
    ? { nationalIdEncrypted: undefined, nationalIdMasked: pidMasked }
    : v.nationalId
      ? { nationalIdEncrypted: encryptField(v.nationalId), nationalIdMasked: maskNationalId(v.nationalId) }
      : { nationalIdEncrypted: previous?.nationalIdEncrypted, nationalIdMasked: previous?.nationalIdMasked };
  const subject = self
    ? {}
    : v.subjectNationalId
      ? { subjectNationalIdEncrypted: encryptField(v.subjectNationalId), subjectNationalIdMasked: maskNationalId(v.subjectNationalId) }
      : { subjectNationalIdEncrypted: previous?.subjectNationalIdEncrypted, subjectNationalIdMasked: previous?.subjectNationalIdMasked };
  const saved = await updateDraft((data) => ({
    ...data,
    about: {
      name: v.name,
      ...own,
      onBehalfOf,
      subjectName: self ? "" : v.subjectName,
      ...subject,
      declaration: self ? false : v.declaration,
      answerChannel: v.answerChannel,
      postalAddress: v.answerChannel === "paper" ? v.postalAddress : "",
      email: v.email,
    },
  }));
  nextStep(formData, saved.data, "summary");
}

export async function sendRequestAction(_previous: StepState, formData: FormData): Promise<StepState> {
  const draft = await currentDraft();
  if (!draft) {
    // A second click (or a retried POST) after the first one already sent it: show that receipt
    // (only this citizen's own: keys are scoped to the identity that sent them).
    const key = text(formData, "submissionKey");
    const citizen = key ? await currentCitizen() : null;
    const done = key && citizen ? await findCaseBySubmissionKey({ kind: "identity", identityId: citizen.identityId }, key) : null;
    if (done) redirect(`/receipt/${done.receiptToken}`);
    redirect("/request/what");
  }
  const step = firstIncompleteStep(draft.data);
  if (step !== "summary") redirect(`/request/${step}`);
  const citizen = await requireCitizen("/request/summary");

  try {
    await enforceRateLimits([
      ["submit_ip", await clientIp()],
      ["submit_identity", citizen.identityId],
    ]);
  } catch (error) {
    if (isDomainError(error, "rate_limited")) {
      redirect(tooManyRequestsPath(error));
    }
    throw error;
  }

  const data = draft.data;
  const about = data.about!;
  const input: SubmitRequest = {
    rights: data.rights!,
    name: about.name,
    email: about.email,
    unit: data.details?.unit ?? "",
    description: data.details?.description ?? "",
    details: data.details?.values as SubmitRequest["details"],
    onBehalfOf: about.onBehalfOf,
    subjectName: about.subjectName,
    subjectNationalId: about.subjectNationalIdEncrypted ? decryptField(about.subjectNationalIdEncrypted) : undefined,
    declaration: about.declaration,
    answerChannel: about.answerChannel,
    postalAddress: about.postalAddress,
    // Ignored by the service for ID-porten sign-ins (their own number is the pid).
    nationalId: about.nationalIdEncrypted && citizen.method !== "idporten" ? decryptField(about.nationalIdEncrypted) : undefined,
    submissionKey: data.submissionKey,
  };
  const locale = await getLocale();
  const submitted = await tryAction<{ receiptToken: string } | StepState>(
    "request.submit_failed",
    async () => ({ receiptToken: (await submitRequest(input, { locale: isLocale(locale) ? locale : "nb", citizen })).receiptToken }),
    (failure): StepState => {
      if (failure.kind === "invalid") redirect(`/request/${failure.field === "unit" || failure.field === "details" ? "details" : "about"}`);
      if (failure.kind === "rate_limited") redirect(tooManyRequestsPath(Number(failure.details.retryAfterSeconds) || undefined));
      return { errors: {}, values: {}, errorId: failure.kind === "unexpected" ? failure.errorId : "-" };
    },
  );
  if (!("receiptToken" in submitted)) return submitted;
  const { receiptToken } = submitted;
  await deleteDraft(draft.id);
  await forgetDraftCookie();
  redirect(`/receipt/${receiptToken}`);
}
