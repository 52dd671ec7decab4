// One schema for a secure message body, used by the citizen's and the staff member's form. zod/mini,
// because the complaint form (on the citizen's case page) shares the length limit and must not pull
// the classic zod API into the browser.
import * as z from "zod/mini";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";

export const MESSAGE_MAX_LENGTH = 5000;

export const messageBodySchema = z
  .string()
  .check(z.trim(), z.minLength(1, "myCases.errors.messageEmpty"), z.maxLength(MESSAGE_MAX_LENGTH, "myCases.errors.messageTooLong"),
    z.regex(NO_CONTROL_CHARS, "myCases.errors.messageInvalid"),
  );
