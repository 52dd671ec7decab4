// One schema for a secure message body, used by the citizen's and the staff member's form.
import { z } from "zod";

export const MESSAGE_MAX_LENGTH = 5000;

export const messageBodySchema = z
  .string()
  .trim()
  .min(1, "myCases.errors.messageEmpty")
  .max(MESSAGE_MAX_LENGTH, "myCases.errors.messageTooLong");
