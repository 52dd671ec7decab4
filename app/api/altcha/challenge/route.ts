// Issues an ALTCHA proof-of-work challenge for the <ProofOfWork /> widget. Self-hosted: the browser
// talks only to us. A fresh challenge on every call, never cached.
import { issueChallenge } from "@/lib/abuse/proof-of-work";

export const dynamic = "force-dynamic";

export async function GET() {
  const challenge = await issueChallenge();
  return Response.json(challenge, { headers: { "Cache-Control": "no-store" } });
}
