// What the rest of the app knows about a signed-in citizen. Never the fødselsnummer itself:
// that stays encrypted in citizen_identity and is only decrypted on the case page.
export type CitizenLevel = "email_code" | "idporten_substantial" | "idporten_high";

export type CitizenSession = {
  /** The server-side session (citizen_session) this request was resolved through. */
  sessionId: string;
  identityId: string;
  method: "idporten" | "email_code";
  level: CitizenLevel;
  /** Verified e-mail (e-mail code) or the one ID-porten/KRR gave us, if any. */
  email: string | null;
  name: string | null;
};
