import { load, report, startBenchServer } from '../harness.ts';
import { adminSession, streamWithPeople } from '../fixtures.ts';

const CONNECTIONS = 50;
const SECONDS = 8;

/** The stream roster at 50 connections against a SELECT 1 endpoint through the same pool, same run. */
export async function benchRoster(): Promise<void> {
  const server = await startBenchServer();
  try {
    const headers = await adminSession(server);
    const small = await streamWithPeople(server, 160);
    const large = await streamWithPeople(server, 10_000);
    // Warm up the JIT and the pool before measuring anything.
    await load(`${server.url}/api/bench/select-1`, { connections: 10, seconds: 2 });
    const baseline = await load(`${server.url}/api/bench/select-1`, { connections: CONNECTIONS, seconds: SECONDS });
    const roster160 = await load(`${server.url}/api/streams/${small}/roster?pageSize=50`, { connections: CONNECTIONS, seconds: SECONDS, headers });
    const roster10k = await load(`${server.url}/api/streams/${large}/roster?pageSize=50`, { connections: CONNECTIONS, seconds: SECONDS, headers });
    const ratio160 = roster160.rps / baseline.rps;
    report('baseline SELECT 1 endpoint', `${baseline.rps.toFixed(0)} req/s, p99 ${baseline.p99} ms`, '—', baseline.non2xx === 0);
    report('roster, 160 people: req/s vs baseline', `${(ratio160 * 100).toFixed(0)} % (${roster160.rps.toFixed(0)} req/s)`, '≥ 40 %', ratio160 >= 0.4 && roster160.non2xx === 0);
    report('roster, 160 people: p99', `${roster160.p99} ms`, '≤ 50 ms', roster160.p99 <= 50);
    report(
      'roster, 10,000 people: req/s vs baseline (page of 50)',
      `${((roster10k.rps / baseline.rps) * 100).toFixed(0)} % (${roster10k.rps.toFixed(0)} req/s, p99 ${roster10k.p99} ms)`,
      'measured',
      roster10k.non2xx === 0,
    );
  } finally {
    await server.close();
  }
}
