/**
 * A validated, warmed model version with its session, its scoring engine and micro-batcher. It
 * counts the requests it is serving so a retired version releases its session only after they
 * finish. `score` goes through the chosen engine (engine.ts); `run` is always onnxruntime (the
 * warm-up, and the reference other engines are verified against).
 */
import type { InferenceSession } from 'onnxruntime-node';
import { MicroBatcher } from './batching/micro-batcher.js';
import { onnxruntimeEngine, type ScoringEngine } from './engine.js';
import { assertBatchFits, runBatch, type RawScores } from './onnx-runner.js';
import { explainBatch } from './explain/explainer.js';
import type { ExplainerState } from './explain/load-explainer.js';
import type { ExplanationsResult, FeatureBatch, ServedModel } from './types.js';

export interface BatchingOptions {
  /** @default 512 */
  readonly maxBatchRows?: number;
  /** @default 2 */
  readonly maxWaitMs?: number;
}

export class LoadedModel {
  readonly model: ServedModel;
  readonly session: InferenceSession;
  readonly batcher: MicroBatcher;
  /** This version's explainer, or why it has none. */
  readonly explainer: ExplainerState;
  #inflight = 0;
  #retired = false;
  #releasing = false;
  #markReleased: () => void = () => undefined;
  readonly #released = new Promise<void>((done) => (this.#markReleased = done));

  constructor(options: {
    model: ServedModel;
    session: InferenceSession;
    /** @default onnxruntime on `session` */
    engine?: ScoringEngine;
    batching?: BatchingOptions;
    /** @default unavailable */
    explainer?: ExplainerState;
  }) {
    this.model = options.model;
    this.explainer = options.explainer ?? {
      available: false,
      reason: 'explanations were not loaded for this model',
    };
    this.session = options.session;
    const { features } = options.model;
    const engine = options.engine ?? onnxruntimeEngine({ session: this.session, features });
    this.batcher = new MicroBatcher({ run: (batch) => engine.run(batch), ...options.batching });
  }

  /** Scores through the micro-batcher; the batch's columns must follow this model's features. */
  async score(batch: FeatureBatch): Promise<RawScores> {
    assertBatchFits(this.model.features, batch);
    this.#inflight++;
    try {
      return await this.batcher.score(batch);
    } finally {
      this.#inflight--;
      if (this.#retired && this.#inflight === 0) void this.#release();
    }
  }

  /**
   * Explains a batch (outside the micro-batcher, so plain scoring never waits for it), or says
   * why this version cannot; counted in flight like `score`.
   */
  async explain(batch: FeatureBatch): Promise<ExplanationsResult> {
    const state = this.explainer;
    if (!state.available) return state;
    assertBatchFits(this.model.features, batch);
    this.#inflight++;
    try {
      return { available: true, value: await explainBatch(state.explainer, batch) };
    } finally {
      this.#inflight--;
      if (this.#retired && this.#inflight === 0) void this.#release();
    }
  }

  /** Runs a batch through onnxruntime directly, bypassing the batcher and the engine. */
  run(batch: FeatureBatch): Promise<RawScores> {
    return runBatch({ session: this.session, features: this.model.features, batch });
  }

  get inflight(): number {
    return this.#inflight;
  }

  /** Releases the session once in-flight requests finish; resolves when it is released. */
  retire(): Promise<void> {
    this.#retired = true;
    if (this.#inflight === 0) void this.#release();
    return this.#released;
  }

  async #release(): Promise<void> {
    if (this.#releasing) return;
    this.#releasing = true;
    await this.batcher.idle();
    await this.session.release().catch(() => undefined);
    this.#markReleased();
  }
}
