/**
 * A fake Kubernetes API server for the kubernetes executor's tests: just the endpoints the
 * executor calls (create, read and delete a batch/v1 Job; list a Job's pods; read a pod's log),
 * keeping every Job body it received and every delete's options, and letting the test play the
 * cluster (set a Job's status and its pod's log).
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface FakeJob {
  readonly namespace: string;
  readonly body: Record<string, unknown>;
  status: Record<string, unknown>;
  log?: string;
}

export interface FakeKubeApi {
  readonly url: string;
  /** Jobs by name, as created (deleted ones stay here with `deleted`). */
  readonly jobs: Map<string, FakeJob>;
  readonly deleted: Map<string, unknown>;
  /** Authorization headers received. */
  readonly authorizations: string[];
  /** Resolves with a Job's name when the next Job is created. */
  nextJob(): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeKubeApi(): Promise<FakeKubeApi> {
  const jobs = new Map<string, FakeJob>();
  const deleted = new Map<string, unknown>();
  const authorizations: string[] = [];
  const waiting: ((name: string) => void)[] = [];
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    authorizations.push(req.get('authorization') ?? '');
    next();
  });
  const live = (name: string): FakeJob | undefined =>
    deleted.has(name) ? undefined : jobs.get(name);
  app.post('/apis/batch/v1/namespaces/:ns/jobs', (req, res) => {
    const body = req.body as Record<string, unknown>;
    const name = String((body['metadata'] as Record<string, unknown>)['name']);
    jobs.set(name, { namespace: req.params.ns, body, status: {} });
    res
      .status(201)
      .json({ ...body, metadata: { ...(body['metadata'] as object), uid: 'u-1' }, status: {} });
    waiting.shift()?.(name);
  });
  app.get('/apis/batch/v1/namespaces/:ns/jobs/:name', (req, res) => {
    const job = live(req.params.name);
    if (job === undefined) res.status(404).json({ kind: 'Status', code: 404 });
    else res.json({ ...job.body, status: job.status });
  });
  app.delete('/apis/batch/v1/namespaces/:ns/jobs/:name', (req, res) => {
    if (live(req.params.name) === undefined) {
      res.status(404).json({ kind: 'Status', code: 404 });
      return;
    }
    deleted.set(req.params.name, req.body);
    res.json({ kind: 'Status', status: 'Success' });
  });
  app.get('/api/v1/namespaces/:ns/pods', (req, res) => {
    const selector = req.query['labelSelector'];
    const name = typeof selector === 'string' ? selector.replace(/^job-name=/, '') : '';
    const job = live(name);
    res.json({
      items:
        job?.log === undefined
          ? []
          : [{ metadata: { name: `${name}-x1` }, status: { phase: 'Running' } }],
    });
  });
  app.get('/api/v1/namespaces/:ns/pods/:pod/log', (req, res) => {
    const job = live(req.params.pod.replace(/-x1$/, ''));
    if (job?.log === undefined) res.status(404).json({ kind: 'Status', code: 404 });
    else res.type('text/plain').send(job.log);
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    jobs,
    deleted,
    authorizations,
    nextJob: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
