/**
 * The pyfunc loader shipped inside every model folder: `python/champion_pyfunc.py` of this
 * package, copied to `<model>/code/`, named by the python_function flavor (`loader_module`,
 * `code`). Why a loader of our own rather than `mlflow.onnx`: docs/pyfunc.md.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The module MLflow imports (`loader_module`). */
export const PYFUNC_LOADER_MODULE = 'champion_pyfunc';
/** The model-folder directory MLflow puts on `sys.path` (the flavor's `code`). */
export const PYFUNC_CODE_DIR = 'code';

/** The loader's source file in this package (from src/artifact or dist/artifact alike). */
export function pyfuncLoaderSource(): string {
  return fileURLToPath(new URL(`../../python/${PYFUNC_LOADER_MODULE}.py`, import.meta.url));
}

/** Copies the loader into `<modelDir>/code/`. */
export async function writePyfuncLoader(modelDir: string): Promise<void> {
  const codeDir = join(modelDir, PYFUNC_CODE_DIR);
  await mkdir(codeDir, { recursive: true });
  await copyFile(pyfuncLoaderSource(), join(codeDir, `${PYFUNC_LOADER_MODULE}.py`));
}
