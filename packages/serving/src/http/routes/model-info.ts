/** GET /model, /model/params, /model/metrics, /model/schema, /model/example: what is serving and why. */
import type { ServedModel } from '@champion/runtime';
import type { AppContext } from '../context.js';
import { ServingHttpError } from '../errors.js';
import { exampleRecords } from '../model-example.js';
import type { ApiRouter } from '../api-router.js';
import { errors, json, ref, getJson, type Operation } from '../openapi/operation.js';

function loaded(context: AppContext): ServedModel {
  const model = context.host.current();
  if (model === undefined)
    throw new ServingHttpError({
      code: 'MODEL_NOT_READY',
      message: 'No model is loaded yet; retry shortly.',
    });
  return model;
}

function features(model: ServedModel): Record<string, unknown>[] {
  return model.features.map((f) => ({
    name: f.name,
    type: f.type,
    ...(f.categories === undefined ? {} : { categories: f.categories }),
    ...(f.min === undefined ? {} : { min: f.min }),
    ...(f.max === undefined ? {} : { max: f.max }),
  }));
}

const MODEL = getJson(
  'The serving model: name, version, alias, threshold, engine (compiled or onnxruntime, and why), features, target, source run and model ids, explanations (available and how, or why not)',
);
const PARAMS = getJson('Training parameters of the serving model');
const METRICS = getJson('Test metrics of the serving model');
const SCHEMA = getJson('Features and target of the serving model');
const EXAMPLE: Operation = () => ({
  summary:
    "A valid /predict body: a synthetic record (training medians and most frequent categories), or the model's stored input example when it is synthetic or CHAMPION_MODEL_EXAMPLE=stored",
  responses: {
    '200': { description: 'OK', content: json(ref('PredictRequest')) },
    ...errors([503]),
  },
});

export function modelInfoRoutes(context: AppContext, router: ApiRouter): void {
  router.get('/model', MODEL, (_req, res) => {
    const model = loaded(context);
    const health = context.host.health();
    res.json({
      name: model.name,
      version: model.version,
      alias: model.alias ?? null,
      loadedAt: model.loadedAt.toISOString(),
      source: health.serving?.source ?? null,
      threshold: model.threshold,
      engine: model.engine,
      target: model.target,
      features: features(model),
      modelId: model.modelId ?? null,
      runId: model.runId ?? null,
      // What POST /explain can do with this model (null: not known).
      explanations: model.explanations ?? null,
      modelUri:
        model.alias === undefined
          ? `models:/${model.name}/${model.version}`
          : `models:/${model.name}@${model.alias}`,
    });
  });
  router.get('/model/params', PARAMS, (_req, res) => {
    res.json(loaded(context).params);
  });
  router.get('/model/metrics', METRICS, (_req, res) => {
    res.json(loaded(context).metrics);
  });
  router.get('/model/schema', SCHEMA, (_req, res) => {
    const model = loaded(context);
    res.json({ features: features(model), target: model.target, threshold: model.threshold });
  });
  router.get('/model/example', EXAMPLE, async (_req, res) => {
    res.json(await exampleRecords(loaded(context), context.config.modelExample));
  });
}
