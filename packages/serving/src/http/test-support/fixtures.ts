import type { RequestListener } from 'node:http';
import { loadServingConfig, type ServingConfig } from '../../config.js';
import { createApp, type ServingApp } from '../app.js';
import type { InferenceSink } from '../inference-sink.js';
import type { InferenceRecord } from '@champion/inference-store';
import { FakeHost } from './fake-host.js';

/** The config tests use: defaults, plus what the test overrides. */
export function testConfig(overrides: Partial<ServingConfig> = {}): ServingConfig {
  return loadServingConfig({}, { modelName: 'credit-default', ...overrides });
}

/** A sink that keeps what it receives. */
export class MemorySink implements InferenceSink {
  readonly records: InferenceRecord[] = [];
  close?: () => Promise<void>;
  append(records: readonly InferenceRecord[]): void {
    this.records.push(...records);
  }
}

export interface TestApp extends Omit<ServingApp, 'app'> {
  /**
   * What the server listens with (`ServingApp.handler`): plain JSON /predict and /invocations on
   * the direct lane, the rest through express. Tests send requests here, so both are covered.
   */
  readonly app: RequestListener;
  /** The express app alone (every route, without the direct lane). */
  readonly express: ServingApp['app'];
  readonly host: FakeHost;
  readonly sink: MemorySink;
}

const apps: TestApp[] = [];

/** An app over a FakeHost; call closeTestApps() in afterEach. */
export function testApp(
  options: { host?: FakeHost; config?: Partial<ServingConfig> } = {},
): TestApp {
  const host = options.host ?? new FakeHost();
  const sink = new MemorySink();
  const app = createApp({ host, config: testConfig(options.config), sink });
  const test = { ...app, app: app.handler, express: app.app, host, sink };
  apps.push(test);
  return test;
}

export function closeTestApps(): void {
  for (const app of apps.splice(0)) app.close();
}

/** One valid record. */
export const RECORD = { age: 35, income: 52000, region: 'north', plan: '2' } as const;

/** Waits for the setImmediate that appends to the inference log. */
export function afterLog(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
