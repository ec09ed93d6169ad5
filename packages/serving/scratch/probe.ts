import * as ort from 'onnxruntime-node';
import { readFile } from 'node:fs/promises';
import { writeFixtureModelDir } from '../test/model-fixtures.js';
const dir = '/tmp/serv-fixture/model';
await writeFixtureModelDir({ dir, trees: 100, rows: 5000 });
const s = await ort.InferenceSession.create(dir + '/model.onnx', { graphOptimizationLevel: 'all', intraOpNumThreads: 1 });
console.log(s.inputNames, s.outputNames, JSON.stringify(s.inputMetadata), JSON.stringify(s.outputMetadata));
console.log(await readFile(dir + '/champion/schema.json', 'utf8').then(t => t.slice(0, 1500)));
console.log(await readFile(dir + '/MLmodel', 'utf8'));
