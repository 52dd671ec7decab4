// next-auth endpoints of the citizen instance (citizen-auth.ts): /api/citizen-auth/*.
import { handlers } from "@/citizen-auth";

export const { GET, POST } = handlers;
