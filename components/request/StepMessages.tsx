"use client";
// The texts a step form needs, handed from the server component (StepPage) to the client forms of
// the request flow, with the plain translator of i18n/plain-messages.ts.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { plainTranslator, type PlainTranslator } from "@/i18n/plain-messages";

const StepMessagesContext = createContext<object>({});

export function StepMessagesProvider({ messages, children }: { messages: object; children: ReactNode }) {
  return <StepMessagesContext.Provider value={messages}>{children}</StepMessagesContext.Provider>;
}

export function useStepMessages(): object {
  return useContext(StepMessagesContext);
}

export function useStepTranslations(): PlainTranslator {
  const messages = useContext(StepMessagesContext);
  return useMemo(() => plainTranslator(messages), [messages]);
}
