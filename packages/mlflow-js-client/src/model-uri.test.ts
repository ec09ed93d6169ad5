import { parseModelUri } from './model-uri.js';

describe('parseModelUri', () => {
  it('reads NAME@ALIAS', () => {
    expect(parseModelUri('models:/credit-default@champion')).toEqual({
      kind: 'alias',
      name: 'credit-default',
      alias: 'champion',
    });
  });

  it('reads NAME/VERSION', () => {
    expect(parseModelUri('models:/credit-default/3')).toEqual({
      kind: 'version',
      name: 'credit-default',
      version: '3',
    });
  });

  it('reads a logged model id', () => {
    expect(parseModelUri('models:/m-abc')).toEqual({ kind: 'logged-model', modelId: 'm-abc' });
  });

  it('refuses stages, which MLflow 3 deprecates', () => {
    expect(() => parseModelUri('models:/x/Production')).toThrow(/stages/);
  });

  it('refuses other schemes', () => {
    expect(() => parseModelUri('runs:/abc/model')).toThrow(/models:\//);
  });
});
