import { MlflowServerError } from '@champion/mlflow-server';
import { TabularError } from '@champion/tabular';
import { MlflowError } from 'mlflow-js-client';
import { explainError } from './explain.js';

const at = (command: string) => ({ command, cwd: '/work' });

describe('explainError', () => {
  it('names the CLI flag where a package message names its API option', () => {
    const err = new TabularError({
      code: 'BAD_VALUES',
      message: "set the rows aside (onBadRows: 'set-aside'), or use --categorical age.",
    });
    const text = explainError(err, at('train'));
    expect(text).toContain('(--set-aside-bad-rows)');
    expect(text).not.toContain('onBadRows');
  });

  it('says which flag points at a missing file, and where it looked', () => {
    const err = new TabularError({
      code: 'FILE_NOT_FOUND',
      message: 'cannot read in.csv: file not found',
    });
    expect(explainError(err, at('score'))).toBe(
      'cannot read in.csv: file not found (looked in /work): check the --input path.',
    );
  });

  it('says a registered model is missing without the REST URL', () => {
    const err = new MlflowError({
      code: 'RESOURCE_DOES_NOT_EXIST',
      status: 404,
      endpoint:
        'GET http://127.0.0.1:5000/api/2.0/mlflow/registered-models/alias?name=nosuch&alias=champion',
      message:
        'GET http://127.0.0.1:5000/api/2.0/mlflow/registered-models/alias?name=nosuch&alias=champion failed with RESOURCE_DOES_NOT_EXIST (HTTP 404): Registered Model with name=nosuch not found',
    });
    const text = explainError(err, at('serve'));
    expect(text).toBe(
      "MLflow at http://127.0.0.1:5000 has no registered model 'nosuch': see the names with `champion models list`, or check --name / --model.",
    );
  });

  it('says an alias is missing and how to see the aliases', () => {
    const err = new MlflowError({
      code: 'RESOURCE_DOES_NOT_EXIST',
      endpoint: 'GET http://h:5000/api/2.0/mlflow/registered-models/alias?name=m&alias=gold',
      message:
        'GET http://h:5000/... failed with RESOURCE_DOES_NOT_EXIST (HTTP 404): alias gold not found',
    });
    expect(explainError(err, at('serve'))).toContain('`champion models show m`');
  });

  it("names the flag of the command's own port when it is busy", () => {
    const busy = Object.assign(new Error('listen EADDRINUSE: address already in use'), {
      code: 'EADDRINUSE',
      port: 8080,
    });
    expect(explainError(busy, at('serve'))).toBe(
      'port 8080 is in use: stop the other process or pass --port N.',
    );
    expect(explainError(busy, at('demo'))).toContain('--serve-port N');
  });

  it('does not suggest --port for the embedded MLflow of commands whose --port is another', () => {
    const err = new MlflowServerError('PORT_IN_USE', 'Port 5000 on 127.0.0.1 is already in use');
    expect(explainError(err, at('train'))).toContain('MLFLOW_TRACKING_URI');
    expect(explainError(err, at('mlflow'))).toContain('Port 5000');
  });
});
