// A private RabbitMQ broker for tests and demo mode: Debian's rabbitmq-server, started with its own
// node name, ports, epmd, HOME (Erlang cookie) and data directories, so it never touches
// /var/lib/rabbitmq or a system broker, and two instances on one machine do not meet.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import amqp from "amqplib";
import { logger } from "@/lib/log";

export const RABBITMQ_MISSING_MESSAGE =
  "Fiks IO stand-in needs rabbitmq-server: apt-get install rabbitmq-server";

// The Debian wrapper in /usr/sbin changes to /var/lib/rabbitmq and switches user; the script it
// wraps takes its whole configuration from the environment, which is what we want.
const SERVER_CANDIDATES = ["/usr/lib/rabbitmq/bin/rabbitmq-server"];
const EPMD_CANDIDATES = ["/usr/bin/epmd", "/usr/lib/erlang/bin/epmd"];

export type RabbitMq = {
  /** amqp://guest:guest@127.0.0.1:<port>: guest may only log in over loopback, which is all we use. */
  amqpUrl: string;
  port: number;
  nodeName: string;
  dataDir: string;
  /** How long the broker took from spawn to accepting an AMQP connection. */
  startedInMs: number;
  stop(): Promise<void>;
};

export function findRabbitMqServer(): string | null {
  return SERVER_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** A port that was free a moment ago (the kernel picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Detached: the child leads its own process group (the shell script, erl, beam, helpers).
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts a broker with its data under `dataDir` and resolves once it accepts AMQP connections.
 * Resolves null (with a logged message) when rabbitmq-server is not installed; callers that need a
 * broker turn that into a failure with RABBITMQ_MISSING_MESSAGE.
 * The node name is fixed per data directory (Mnesia remembers it), so a demo broker restarted on the
 * same directory keeps its durable queues and messages.
 */
export async function startRabbitMq(options: {
  dataDir: string;
  port?: number;
  distPort?: number;
  epmdPort?: number;
  nodeName?: string;
  timeoutMs?: number;
}): Promise<RabbitMq | null> {
  const server = findRabbitMqServer();
  const epmd = EPMD_CANDIDATES.find((p) => existsSync(p));
  if (!server || !epmd) {
    logger.warn("rabbitmq_missing", { hint: RABBITMQ_MISSING_MESSAGE });
    return null;
  }
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const distPort = options.distPort ?? (await freePort());
  const epmdPort = options.epmdPort ?? (await freePort());
  const nodeName = options.nodeName ?? "personvernportalen-fiks-io@localhost";
  const timeoutMs = options.timeoutMs ?? 60_000;

  const etc = path.join(dataDir, "etc");
  const logDir = path.join(dataDir, "log");
  for (const dir of [dataDir, etc, logDir, path.join(dataDir, "mnesia")]) mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(etc, "rabbitmq.conf"),
    [
      `listeners.tcp.1 = 127.0.0.1:${port}`,
      "loopback_users.guest = true",
      // Test machines have small disks: the default 50 MB free-space alarm would block publishers.
      "disk_free_limit.absolute = 1",
      "log.console = false",
      "log.file.level = warning",
      "",
    ].join("\n"),
  );
  // No plugins (no management UI): faster start, nothing listening beyond AMQP.
  writeFileSync(path.join(etc, "enabled_plugins"), "[].\n");
  writeFileSync(path.join(etc, "rabbitmq-env.conf"), "");

  const env: NodeJS.ProcessEnv = {
    // Erlang does not read it; the type requires it.
    NODE_ENV: process.env.NODE_ENV ?? "development",
    PATH: process.env.PATH ?? "/usr/bin:/bin:/usr/sbin:/sbin",
    LANG: "C.UTF-8",
    // Erlang keeps its cookie in $HOME/.erlang.cookie.
    HOME: dataDir,
    ERL_EPMD_PORT: String(epmdPort),
    ERL_EPMD_ADDRESS: "127.0.0.1",
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_NODE_IP_ADDRESS: "127.0.0.1",
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: path.join(dataDir, "mnesia"),
    RABBITMQ_LOG_BASE: logDir,
    RABBITMQ_CONFIG_FILE: path.join(etc, "rabbitmq.conf"),
    RABBITMQ_ADVANCED_CONFIG_FILE: path.join(etc, "advanced.config"),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(etc, "enabled_plugins"),
    RABBITMQ_CONF_ENV_FILE: path.join(etc, "rabbitmq-env.conf"),
    RABBITMQ_PID_FILE: path.join(dataDir, "rabbitmq.pid"),
    // Erlang distribution only on loopback.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: "-kernel inet_dist_use_interface {127,0,0,1}",
  };

  const started = Date.now();
  // Our own epmd, in the foreground as our child: rabbitmq would otherwise start a daemonised one
  // that outlives the broker and is shared by every node using that port.
  const epmdProcess = spawn(epmd, ["-port", String(epmdPort), "-address", "127.0.0.1"], {
    env,
    stdio: "ignore",
    detached: true,
  });
  await sleep(100);

  const outputPath = path.join(logDir, "rabbitmq-server.out");
  const out = openSync(outputPath, "w");
  const child = spawn(server, [], { cwd: dataDir, env, stdio: ["ignore", out, out], detached: true });
  closeSync(out);

  const stopProcesses = async () => {
    killGroup(child, "SIGTERM");
    if (!(await waitForExit(child, 15_000))) {
      killGroup(child, "SIGKILL");
      await waitForExit(child, 5_000);
    }
    killGroup(epmdProcess, "SIGTERM");
    await waitForExit(epmdProcess, 2_000);
  };
  // A test runner that exits without stopping us must not leave a broker behind.
  const onExit = () => {
    killGroup(child, "SIGKILL");
    killGroup(epmdProcess, "SIGKILL");
  };
  process.once("exit", onExit);

  const amqpUrl = `amqp://guest:guest@127.0.0.1:${port}`;
  let lastError: unknown = null;
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      const connection = await amqp.connect(amqpUrl);
      await connection.close();
      const startedInMs = Date.now() - started;
      logger.info("rabbitmq_started", { port, startedInMs });
      let stopped: Promise<void> | null = null;
      return {
        amqpUrl,
        port,
        nodeName,
        dataDir,
        startedInMs,
        stop() {
          stopped ??= stopProcesses().finally(() => process.removeListener("exit", onExit));
          return stopped;
        },
      };
    } catch (error) {
      lastError = error;
      await sleep(200);
    }
  }
  await stopProcesses();
  process.removeListener("exit", onExit);
  const tail = existsSync(outputPath) ? readFileSync(outputPath, "utf8").split("\n").slice(-15).join("\n") : "";
  throw new Error(
    `rabbitmq-server did not accept AMQP connections on port ${port} within ${timeoutMs} ms ` +
      `(${lastError instanceof Error ? lastError.message : "exited"}). Output:\n${tail}`,
  );
}
