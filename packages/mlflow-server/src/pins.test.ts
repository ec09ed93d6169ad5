import { parsePipPins, pinsDigest } from './pins.js';
import { isMlflowServerError } from './errors.js';

const condaYaml = `
name: champion-mlflow
dependencies:
  - python=3.11
  - pip
  - pip:
      - mlflow==3.17.2
      # a comment between pins
      - psycopg2-binary==2.9.13
`;

describe('parsePipPins', () => {
  it('returns the pip pins of a conda file in order, skipping comments', () => {
    expect(parsePipPins(condaYaml)).toEqual(['mlflow==3.17.2', 'psycopg2-binary==2.9.13']);
  });

  it('rejects a file without a pip list and names the file', () => {
    const parse = (): string[] =>
      parsePipPins('dependencies:\n  - python=3.11\n', 'env/conda.yaml');
    expect(parse).toThrow(/env\/conda\.yaml: has no `pip:` list/);
  });

  it('rejects invalid YAML with a CONDA_YAML_INVALID error', () => {
    let caught: unknown;
    try {
      parsePipPins('dependencies: [unclosed');
    } catch (err) {
      caught = err;
    }
    expect(isMlflowServerError(caught, 'CONDA_YAML_INVALID')).toBe(true);
  });
});

describe('pinsDigest', () => {
  it('changes when a pin changes', () => {
    expect(pinsDigest(['mlflow==3.17.2'])).not.toBe(pinsDigest(['mlflow==3.17.3']));
  });
});
