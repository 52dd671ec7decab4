// The old per-right URL (/request/access) still leads into the step-by-step flow.
import { notFound, redirect } from "next/navigation";
import { isRight } from "@/lib/domain/rights";

export default async function OldRequestUrl({ params }: { params: Promise<{ right: string }> }) {
  const { right } = await params;
  if (!isRight(right)) notFound();
  redirect(`/request/new?right=${right}`);
}
