// The one-INSERT baseline of `npm run bench:submit`: a plain Node HTTP server (no Next) that answers
// each POST with one INSERT through the portal's own Prisma client, into a scratch table the
// benchmark made. It shows what a single round trip through Prisma costs on this machine, next to
// the real submit. Not part of the app. Env: DATABASE_URL, PORT.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { db } from "../../lib/db/client";

const port = Number(process.env.PORT);
const server = http.createServer((request, response) => {
  if (request.method !== "POST") {
    response.writeHead(405).end();
    return;
  }
  request.resume();
  request.on("end", () => {
    db()
      .$executeRaw`INSERT INTO bench_insert (id, body) VALUES (${randomUUID()}::uuid, ${"x"})`.then(
        () => response.writeHead(201, { "content-type": "application/json" }).end('{"ok":true}'),
        () => response.writeHead(500).end(),
      );
  });
});
server.listen(port, "127.0.0.1", () => process.stdout.write(`listening ${port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
