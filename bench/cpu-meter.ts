import fs from 'node:fs';

/** CPU time (user + system) of a /proc stat file, in ms; 0 when the process is gone. */
function cpuMsOf(statPath: string): number {
  try {
    const fields = fs.readFileSync(statPath, 'utf8').split(') ')[1]!.split(' ');
    const ticksPerSecond = 100; // USER_HZ, 100 on Linux
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** CPU of every PostgreSQL process on the machine (the bench's embedded server is the only one). */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) total += cpuMsOf(`/proc/${pid}/stat`);
    } catch {
      // gone between the listing and the read
    }
  }
  return total;
}

/**
 * Where the CPU of a measured run went (Linux /proc): PostgreSQL's processes, the server's own thread
 * (this process's main thread: the HTTP server runs there) and the whole process (with the load
 * generator's worker thread). Call, run the load, then call the result with the request count.
 */
export function startCpuMeter() {
  const read = () => ({ postgres: postgresCpuMs(), serverThread: cpuMsOf(`/proc/${process.pid}/task/${process.pid}/stat`), process: cpuMsOf(`/proc/${process.pid}/stat`) });
  const before = read();
  return (requests: number) => {
    const after = read();
    const per = (key: keyof typeof before) => (after[key] - before[key]) / requests;
    return { postgres: per('postgres'), serverThread: per('serverThread'), process: per('process') };
  };
}
