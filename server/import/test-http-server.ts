// A real HTTP server on 127.0.0.1 for the fetch tests: routes are plain node:http handlers,
// and every request is recorded so tests can assert what was (not) fetched.

import http from 'node:http';
import { type AddressInfo } from 'node:net';

export type TestServer = {
  url: (path?: string) => string;
  port: number;
  requests: string[];
  close: () => Promise<void>;
};

export async function startTestServer(routes: Record<string, http.RequestListener>): Promise<TestServer> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const route = routes[path.split('?')[0] ?? '/'];
    if (route) route(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging responses from the timeout tests would otherwise keep close() waiting.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bind an ephemeral port, then release it. */
export async function findClosedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
