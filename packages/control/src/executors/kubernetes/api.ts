/**
 * The few Kubernetes API calls the executor makes (create, read and delete a Job; find its pod;
 * read the pod's log), over undici with the service account's token and CA. Every response is
 * validated with zod before it is used; names and namespaces are checked before they become
 * part of a URL.
 */
import { Agent, request } from 'undici';
import type { Secret } from 'mlflow-js-client';
import { z } from 'zod';

/** A DNS-1123 label/subdomain, what Kubernetes accepts as a namespace or object name. */
const NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

export const jobStatusSchema = z.object({
  metadata: z.object({ name: z.string(), uid: z.string().optional() }),
  status: z
    .object({
      active: z.number().int().optional(),
      succeeded: z.number().int().optional(),
      failed: z.number().int().optional(),
      conditions: z
        .array(
          z.object({
            type: z.string(),
            status: z.string(),
            reason: z.string().optional(),
            message: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});
export type KubeJob = z.infer<typeof jobStatusSchema>;

const podListSchema = z.object({
  items: z.array(
    z.object({
      metadata: z.object({ name: z.string().regex(NAME) }),
      status: z.object({ phase: z.string().optional() }).optional(),
    }),
  ),
});

export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface KubeApiOptions {
  /** `https://host:port` (in a cluster) or a test server's URL. */
  readonly baseUrl: string;
  readonly token?: Secret | undefined;
  /** PEM of the cluster CA. */
  readonly ca?: string | undefined;
}

function checkName(value: string, what: string): string {
  if (!NAME.test(value)) throw new Error(`${what} '${value}' is not a valid Kubernetes name`);
  return value;
}

const LOG_LIMIT_BYTES = 16 * 1024 * 1024;

export class KubeApi {
  readonly #options: KubeApiOptions;
  readonly #agent: Agent;

  constructor(options: KubeApiOptions) {
    this.#options = options;
    this.#agent = new Agent(options.ca === undefined ? {} : { connect: { ca: options.ca } });
  }

  async createJob(namespace: string, job: unknown): Promise<KubeJob> {
    return jobStatusSchema.parse(await this.#json('POST', `${this.#jobs(namespace)}`, job));
  }

  /** The Job, or undefined once it is gone (deleted, or removed by its TTL). */
  async getJob(namespace: string, name: string): Promise<KubeJob | undefined> {
    try {
      return jobStatusSchema.parse(
        await this.#json('GET', `${this.#jobs(namespace)}/${checkName(name, 'job')}`),
      );
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** Deletes the Job and (in the background) its pods; a Job already gone is fine. */
  async deleteJob(namespace: string, name: string): Promise<void> {
    try {
      await this.#json('DELETE', `${this.#jobs(namespace)}/${checkName(name, 'job')}`, {
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        propagationPolicy: 'Background',
      });
    } catch (error) {
      if (!(error instanceof KubeApiError && error.status === 404)) throw error;
    }
  }

  /** The name of the Job's pod, once it has one. */
  async jobPod(namespace: string, jobName: string): Promise<string | undefined> {
    const selector = encodeURIComponent(`job-name=${checkName(jobName, 'job')}`);
    const list = podListSchema.parse(
      await this.#json(
        'GET',
        `/api/v1/namespaces/${checkName(namespace, 'namespace')}/pods?labelSelector=${selector}`,
      ),
    );
    return list.items[0]?.metadata.name;
  }

  /** The pod's log (stdout and stderr), or undefined while the container has not started. */
  async podLog(namespace: string, pod: string): Promise<string | undefined> {
    const url = `/api/v1/namespaces/${checkName(namespace, 'namespace')}/pods/${checkName(pod, 'pod')}/log?container=train&limitBytes=${LOG_LIMIT_BYTES}`;
    const res = await this.#send('GET', url);
    const text = await res.body.text();
    if (res.statusCode === 400 || res.statusCode === 404) return undefined;
    if (res.statusCode >= 300)
      throw new KubeApiError(
        `GET pod log: HTTP ${res.statusCode}: ${text.slice(0, 300)}`,
        res.statusCode,
      );
    return text;
  }

  close(): Promise<void> {
    return this.#agent.close();
  }

  #jobs(namespace: string): string {
    return `/apis/batch/v1/namespaces/${checkName(namespace, 'namespace')}/jobs`;
  }

  async #json(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    const res = await this.#send(method, path, body);
    const text = await res.body.text();
    if (res.statusCode >= 300) {
      throw new KubeApiError(
        `${method} ${path.split('?')[0] ?? path}: HTTP ${res.statusCode}: ${text.slice(0, 300)}`,
        res.statusCode,
      );
    }
    return JSON.parse(text) as unknown;
  }

  #send(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) {
    const token = this.#options.token?.reveal();
    return request(`${this.#options.baseUrl}${path}`, {
      method,
      dispatcher: this.#agent,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headersTimeout: 30_000,
      bodyTimeout: 60_000,
    });
  }
}
