import net from 'node:net';
import { assertPortFree, findFreePort } from './port.js';

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen({ host: '127.0.0.1', port }, () => resolve(server));
  });
}

describe('findFreePort', () => {
  it('returns a port that can be bound', async () => {
    const port = await findFreePort();
    const server = await listen(port);
    server.close();
    expect(port).toBeGreaterThan(0);
  });
});

describe('assertPortFree', () => {
  it('accepts a free port', async () => {
    const port = await findFreePort();
    await expect(assertPortFree({ host: '127.0.0.1', port })).resolves.toBeUndefined();
  });

  it('rejects a taken port naming it and suggesting --port', async () => {
    const server = await listen(0);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(assertPortFree({ host: '127.0.0.1', port })).rejects.toMatchObject({
        code: 'PORT_IN_USE',
        message: expect.stringMatching(
          new RegExp(`Port ${port} on 127\\.0\\.0\\.1 .*--port ${port + 1}`),
        ),
      });
    } finally {
      server.close();
    }
  });
});
