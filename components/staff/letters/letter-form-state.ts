// State of the response-letter form posted to a server action (works with and without JavaScript).
export type LetterFormState = {
  body: string;
  delivery: string;
  /** Translated messages, each linked to the field it is about. */
  errors: { fieldId: string; message: string }[];
  /** The case changed since the page was shown (e.g. the letter was sent from another tab): reload. */
  conflict?: string;
};
