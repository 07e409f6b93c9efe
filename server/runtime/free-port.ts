import { createServer, type AddressInfo } from 'node:net';

/**
 * Asks the kernel for a port that is free on `host` right now. Another process could take it before the instance
 * binds it; an instance that fails to listen exits and is restarted on a fresh port, so the race heals itself.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
