// State of a message form posted to a server action (works with and without JavaScript).
export type MessageFormState = {
  /** Key under myCases.errors, e.g. "messageTooLong". */
  error?: string;
  errorId?: string;
  value: string;
};
