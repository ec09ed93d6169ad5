/**
 * A stand-in for `champion serve` that records what a simulation sends: GET /model, POST /predict
 * (each record gets a `request_id`: the request's X-Request-Id plus `-<row>`, as serving's batch
 * rows do) and POST /feedback (answers `{accepted, unknown, invalid}`). Plain node:http; its
 * failure modes are switches so a test can check nothing is dropped silently. Once serving
 * answers request ids, the same simulation runs against the real `champion serve`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingServiceOptions {
  readonly name?: string;
  readonly version?: string;
  readonly features: readonly { name: string; type: 'numeric' | 'categorical' }[];
  readonly target?: { name: string; positive: string; negative: string; type?: 'numeric' | 'text' };
  /** Required as `Authorization: Bearer <key>` on POST routes when set. */
  readonly apiKey?: string;
  /** Answer 503 to the /predict requests whose 1-based number this returns true for. */
  readonly failPredict?: (requestNumber: number) => boolean;
  /** Close the connection of every /predict request without answering. */
  readonly dropPredictConnections?: boolean;
  /** Leave `request_id` out of the /predict records. */
  readonly omitRequestIds?: boolean;
}

export interface RecordingService {
  readonly url: string;
  /** Every record /predict scored, in arrival order, with the id it was given. */
  readonly predicted: { requestId: string; record: Record<string, unknown> }[];
  /** Every /feedback item received. */
  readonly feedback: { request_id: string; label: unknown }[];
  /** Authorization header of each POST, in arrival order. */
  readonly authorizations: (string | undefined)[];
  /** Number of /predict requests received (failed ones included). */
  predictRequests: number;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function routes(options: RecordingServiceOptions, state: RecordingService) {
  const name = options.name ?? 'recorded';
  const version = options.version ?? '1';
  const target = options.target ?? {
    name: 'default',
    positive: '1',
    negative: '0',
    type: 'numeric',
  };
  const known = new Set<string>();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === 'GET' && req.url === '/model')
      return send(res, 200, { name, version, features: options.features, target, threshold: 0.5 });
    if (req.method !== 'POST') return send(res, 404, { error: { message: 'no such route' } });
    state.authorizations.push(req.headers.authorization);
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`)
      return send(res, 401, { error: { message: 'This endpoint needs the API key' } });
    const body = (await bodyOf(req)) as Record<string, unknown>[];
    if (req.url === '/predict') {
      state.predictRequests++;
      if (options.dropPredictConnections === true) {
        req.socket.destroy();
        return;
      }
      if (options.failPredict?.(state.predictRequests) === true)
        return send(res, 503, { error: { message: 'not ready' } });
      const id = randomUUID();
      return send(
        res,
        200,
        body.map((record, row) => {
          const requestId = `${id}-${row}`;
          known.add(requestId);
          state.predicted.push({ requestId, record });
          return {
            ...(options.omitRequestIds === true ? {} : { request_id: requestId }),
            probability: 0.5,
            label: 1,
            model: { name, version },
          };
        }),
      );
    }
    const items = body as unknown as { request_id: string; label: unknown }[];
    state.feedback.push(...items);
    const unknown = items.filter((i) => !known.has(i.request_id)).map((i) => i.request_id);
    return send(res, 200, { accepted: items.length - unknown.length, unknown, invalid: [] });
  };
}

/** Starts the service on a free port of 127.0.0.1. */
export async function startRecordingService(
  options: RecordingServiceOptions,
): Promise<RecordingService> {
  const state: RecordingService = {
    url: '',
    predicted: [],
    feedback: [],
    authorizations: [],
    predictRequests: 0,
    close: () => Promise.resolve(),
  };
  const handle = routes(options, state);
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      send(res, 500, { error: { message: String(error) } }),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  });
}
