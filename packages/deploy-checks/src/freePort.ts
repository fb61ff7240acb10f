/*
 * A TCP port on 127.0.0.1 that nothing listens on right now.
 */
import { createServer } from 'node:net';

/** Asks the OS for a free port on 127.0.0.1. @public */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}
