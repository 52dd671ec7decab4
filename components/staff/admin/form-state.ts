// State of an admin form posted to a server action (with or without JavaScript).
export type AdminFormState = {
  /** Field name -> key under staffQueue.admin.errors. */
  errors?: Record<string, string>;
  /** What was posted, to fill the form in again after an error. */
  values?: Record<string, string | string[]>;
  errorId?: string;
};
