/**
 * The Python environment logged beside every model, so `mlflow.pyfunc.load_model` and
 * `mlflow models serve` can load champion's ONNX models. The pins equal the project's
 * conda.yaml (a unit test checks it): one environment for the server and for models.
 */

export const MODEL_PYTHON_VERSION = '3.11';

export const MODEL_PIP_REQUIREMENTS: readonly string[] = [
  'mlflow==3.17.2',
  'onnx==1.23.2',
  'onnxruntime==1.32.0',
  // Pinned for a reproducible env, not for correctness: the pyfunc loader shipped with the
  // model (python/champion_pyfunc.py) works with pandas 2 and 3 (docs/pyfunc.md).
  'pandas==2.3.3',
];

export function condaYaml(): string {
  const pins = MODEL_PIP_REQUIREMENTS.map((p) => `  - ${p}`).join('\n');
  return `channels:\n- conda-forge\ndependencies:\n- python=${MODEL_PYTHON_VERSION}\n- pip\n- pip:\n${pins}\nname: mlflow-env\n`;
}

export function pythonEnvYaml(): string {
  return `python: ${MODEL_PYTHON_VERSION}\nbuild_dependencies:\n- pip\n- setuptools\n- wheel\ndependencies:\n- -r requirements.txt\n`;
}

export function requirementsTxt(): string {
  return `${MODEL_PIP_REQUIREMENTS.join('\n')}\n`;
}
