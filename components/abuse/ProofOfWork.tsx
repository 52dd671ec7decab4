// STUB (to be replaced by the abuse-protection work): renders the ALTCHA proof-of-work widget inside
// a <form>; its solution is posted as the field named PROOF_OF_WORK_FIELD.
export const PROOF_OF_WORK_FIELD = "altcha";

export function ProofOfWork() {
  return null;
}
