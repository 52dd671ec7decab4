// Structured logging. Callers pass ids and codes only: never names, e-mail addresses, national ids
// or free text from a request. `redact` is a safety net for the keys we know are personal.
type Fields = Record<string, unknown>;
type Level = "info" | "warn" | "error";

const PERSONAL_KEYS = /^(name|email|to|toAddress|phone|address|nationalId|pid|description|body|text|message)$/i;
const RANK: Record<Level | "silent", number> = { info: 0, warn: 1, error: 2, silent: 3 };

function redact(fields: Fields): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields)) out[k] = PERSONAL_KEYS.test(k) ? "[redacted]" : v;
  return out;
}

function threshold(): number {
  const configured = (process.env.LOG_LEVEL ?? "info") as Level | "silent";
  return RANK[configured] ?? RANK.info;
}

function write(level: Level, event: string, fields: Fields = {}) {
  if (RANK[level] < threshold()) return;
  // level and event last: a field can never overwrite them.
  const line = JSON.stringify({ t: new Date().toISOString(), ...redact(fields), level, event });
  if (level === "error") console.error(line);
  else console.log(line);
}

export const logger = {
  info: (event: string, fields?: Fields) => write("info", event, fields),
  warn: (event: string, fields?: Fields) => write("warn", event, fields),
  error: (event: string, fields?: Fields) => write("error", event, fields),
};
