// The archive end of Fiks Arkiv for tests and demo mode: an in-memory archive core behind a real
// Fiks IO account. It takes each message from the archive's queue, hands the payload XML and the
// attachments to the core, and sends the core's replies back to the sender as answers
// (svarPaMelding = the incoming melding-id), each with its payload file named per meldingstyper.json.
import { readFileSync } from "node:fs";
import path from "node:path";
import { logger } from "@/lib/log";
import { createArchiveCore } from "@/lib/archive/archive-core";
import { PAYLOAD_FILE_NAME } from "@/lib/archive/protocol";
import { createFiksIoClient, type FiksIoConfig, type FiksIoIncoming } from "@/lib/integrations/fiks-io";

type ArchiveCore = ReturnType<typeof createArchiveCore>;

const MELDINGSTYPER = path.join("lib", "archive", "schemas", "fiks-arkiv-v1", "meldingstyper.json");

/** payloadFilnavn per message type, from the protocol's meldingstyper.json (else the known subset). */
function payloadFileNames(): Map<string, string> {
  const names = new Map(Object.entries(PAYLOAD_FILE_NAME));
  try {
    const spec = JSON.parse(readFileSync(MELDINGSTYPER, "utf8")) as {
      meldingstyper?: { id: string; payloadFilnavn?: string }[];
    };
    for (const type of spec.meldingstyper ?? []) {
      if (type.payloadFilnavn) names.set(type.id, type.payloadFilnavn);
    }
  } catch {
    // Started from another directory: the constants cover the messages the portal sends.
  }
  return names;
}

export async function startArchiveStandIn(options: {
  fiksIo: FiksIoConfig;
  core?: ArchiveCore;
}): Promise<{ core: ArchiveCore; close(): Promise<void> }> {
  const core = options.core ?? createArchiveCore();
  const client = createFiksIoClient(options.fiksIo);
  const fileNames = payloadFileNames();

  const onMessage = async (message: FiksIoIncoming) => {
    const payloadName = fileNames.get(message.messageType);
    const payload =
      message.files.find((f) => f.name === payloadName) ?? message.files.find((f) => f.name.toLowerCase().endsWith(".xml"));
    const attachments = new Map<string, Uint8Array>();
    for (const file of message.files) if (file !== payload) attachments.set(file.name, file.bytes);
    const xml = payload ? new TextDecoder().decode(payload.bytes) : "";
    const { replies } = await core.handle(message.messageType, xml, attachments);
    // Replies go out in order; if one fails the message is redelivered and the core sees it again
    // (the sender's klientMeldingId / the core's own idempotency make that safe).
    for (const reply of replies) {
      const files =
        reply.xml === null
          ? []
          : [{ name: fileNames.get(reply.messageType) ?? "payload.xml", bytes: new TextEncoder().encode(reply.xml) }];
      await client.reply(message, reply.messageType, files);
    }
    logger.info("archive_stand_in_handled", {
      messageId: message.messageId,
      messageType: message.messageType,
      replies: replies.map((r) => r.messageType).join(","),
    });
  };

  const subscription = await client.subscribe(onMessage);
  return { core, close: () => subscription.close() };
}
