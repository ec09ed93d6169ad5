import { GenericContainer, Wait, getContainerRuntimeClient } from 'testcontainers';

/** The official MLflow image, pinned to the version of conda.yaml. */
export const MLFLOW_IMAGE = 'ghcr.io/mlflow/mlflow:v3.17.2';

/** Whether a Docker engine answers, using testcontainers' own runtime detection. */
export async function detectDocker(
  timeoutMs: number,
): Promise<{ available: true } | { available: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([getContainerRuntimeClient(), timeout]);
    return { available: true };
  } catch (err) {
    return { available: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/** Starts the MLflow image; resolves with its tracking URI and a stop function. */
export async function startMlflowContainer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const container = await new GenericContainer(MLFLOW_IMAGE)
    .withCommand([
      'mlflow',
      'server',
      '--host',
      '0.0.0.0',
      '--port',
      '5000',
      '--workers',
      '1',
      '--backend-store-uri',
      'sqlite:////tmp/mlflow.db',
      '--artifacts-destination',
      '/tmp/mlartifacts',
      '--serve-artifacts',
      // Clients reach the container through whatever name the Docker host has (localhost, a
      // remote DOCKER_HOST, a CI service name): MLflow's default allowed-hosts list would
      // reject some of them, and this throwaway server is never exposed beyond the test run.
      '--allowed-hosts',
      '*',
    ])
    // The job runner (GenAI scorers) costs ~8 processes and ~1 GB; the tests use none of it.
    .withEnvironment({ MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false' })
    .withExposedPorts(5000)
    .withWaitStrategy(Wait.forHttp('/health', 5000).forStatusCode(200))
    .withStartupTimeout(180_000)
    .start();
  const url = `http://${container.getHost()}:${container.getMappedPort(5000)}`;
  return { url, stop: async () => void (await container.stop()) };
}
