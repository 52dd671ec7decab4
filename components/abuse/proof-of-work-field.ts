// The form field the ALTCHA widget posts its solution in. A plain module (not "use client") so that
// server code (actions, route handlers) reads the real value.
export const PROOF_OF_WORK_FIELD = "altcha";
