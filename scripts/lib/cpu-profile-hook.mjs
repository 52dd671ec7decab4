// CPU profiles of the portal's processes for `npm run bench:submit -- --profile` (Node refuses
// --cpu-prof in NODE_OPTIONS; --import is allowed). SIGUSR2 starts the profiler in each process,
// the next SIGUSR2 stops it and writes PROFILE_DIR/<pid>.cpuprofile. Loaded only by the benchmark.
import inspector from "node:inspector";
import fs from "node:fs";
import path from "node:path";

const dir = process.env.PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  let running = false;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.enable", () => session.post("Profiler.start"));
      return;
    }
    running = false;
    session.post("Profiler.stop", (error, result) => {
      if (error || !result) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
