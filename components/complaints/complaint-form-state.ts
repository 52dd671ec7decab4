// State of a complaint or answer form posted to a server action (works with and without JavaScript).
export type ComplaintFormState = {
  /** Key under complaints.errors, e.g. "tooShort". */
  error?: string;
  errorId?: string;
  value: string;
};
