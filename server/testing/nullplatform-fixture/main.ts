/**
 * The nullplatform fixture as a process, for Playwright's webServer:
 *   PORT=4419 FIXTURE_API_KEY=<key> node --import tsx server/testing/nullplatform-fixture/main.ts
 * A connected console then runs with NP_API_URL=http://127.0.0.1:4419 NP_API_KEY=<key>.
 */
import { startNullplatformFixture } from './server';

const apiKey = process.env['FIXTURE_API_KEY'] ?? '';
const port = Number(process.env['PORT'] ?? '4419');
if (apiKey === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('nullplatform fixture: set FIXTURE_API_KEY (the key POST /token accepts) and PORT');
  process.exit(1);
}

const fixture = await startNullplatformFixture({ apiKey, port });
console.log(`nullplatform fixture listening at ${fixture.url} (organization 1)`);
const stop = () => void fixture.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
