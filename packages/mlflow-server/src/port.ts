import net from 'node:net';
import { MlflowServerError } from './errors.js';

/** A port the OS says is free on `host` right now (it may be taken again before you bind it). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Throws PORT_IN_USE when something already listens on `host:port`, so the user learns it before
 * waiting for an MLflow server that would die on bind.
 */
export function assertPortFree(options: { host: string; port: number }): Promise<void> {
  const { host, port } = options;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new MlflowServerError(
            'PORT_IN_USE',
            `Port ${port} on ${host} is already in use (another MLflow server?). Stop whatever ` +
              `listens there (\`lsof -i :${port}\`) or choose another port, e.g. \`--port ${port + 1}\`.`,
            { cause: err },
          ),
        );
      } else {
        reject(err);
      }
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
}
