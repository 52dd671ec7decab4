// One schema for the citizen's complaint text and one for the DPO's answer, used by the form in the
// browser and again by the server action and the service. Messages are keys under complaints.errors.
// zod/mini: the citizen's case page loads this schema, and mini's functions tree-shake to a few KB
// where the classic API would add tens of KB for one textarea.
import * as z from "zod/mini";
import { COMPLAINT_BODY_MAX, COMPLAINT_BODY_MIN } from "@/lib/domain/complaints";
import { MESSAGE_MAX_LENGTH } from "@/lib/cases/message-schema";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";

export const complaintBodySchema = z
  .string()
  .check(z.trim(), z.minLength(1, "empty"), z.minLength(COMPLAINT_BODY_MIN, "tooShort"), z.maxLength(COMPLAINT_BODY_MAX, "tooLong"), z.regex(NO_CONTROL_CHARS, "invalid"));

/** The answer becomes a secure message to the requester, so it has a message's length limit. */
export const complaintAnswerSchema = z.string().check(z.trim(), z.minLength(1, "answerEmpty"), z.maxLength(MESSAGE_MAX_LENGTH, "answerTooLong"), z.regex(NO_CONTROL_CHARS, "answerInvalid"));

export const ANSWER_MAX_LENGTH = MESSAGE_MAX_LENGTH;

/** The error key of the first issue (always one of the keys above). */
export function firstErrorKey(result: { success: false; error: { issues: { message: string }[] } }, fallback: string): string {
  return result.error.issues[0]?.message ?? fallback;
}
