// The protocol clients of this process, built once from the platform settings (config.ts): one
// Maskinporten token source shared by every API, and one client per service. Tests that start
// stand-ins set the environment and call resetPlatformClients.
import { maskinportenTokenSource, type AccessTokenSource } from "@/lib/integrations/maskinporten";
import { createKrrClient, KRR_SCOPES } from "@/lib/integrations/krr";
import { createSvarUtClient, SVARUT_SCOPE } from "@/lib/integrations/svarut";
import { createFiksIoClient, FIKS_IO_SCOPE } from "@/lib/integrations/fiks-io";
import { platformSettings, resetPlatformSettings } from "./config";

type Clients = {
  tokens: AccessTokenSource | null;
  krr: ReturnType<typeof createKrrClient> | null;
  svarut: ReturnType<typeof createSvarUtClient> | null;
  fiksIo: ReturnType<typeof createFiksIoClient> | null;
};

const globalForClients = globalThis as unknown as { __platformClients?: Clients };

export function platformClients(): Clients {
  if (globalForClients.__platformClients) return globalForClients.__platformClients;
  const settings = platformSettings();
  const tokens = settings.maskinporten ? maskinportenTokenSource(settings.maskinporten) : null;
  const clients: Clients = {
    tokens,
    krr: settings.krr && tokens ? createKrrClient({ baseUrl: settings.krr.baseUrl, accessToken: tokens, scopes: KRR_SCOPES }) : null,
    svarut:
      settings.svarut && tokens
        ? createSvarUtClient({ ...settings.svarut, accessToken: () => tokens([SVARUT_SCOPE]) })
        : null,
    fiksIo:
      settings.archive && tokens
        ? createFiksIoClient({ ...settings.archive.fiksIo, accessToken: () => tokens([FIKS_IO_SCOPE]) })
        : null,
  };
  globalForClients.__platformClients = clients;
  return clients;
}

export function resetPlatformClients(): void {
  globalForClients.__platformClients = undefined;
  resetPlatformSettings();
}
