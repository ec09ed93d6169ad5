/** The one structural logger interface (mlflow-js-client's; winston's loggers fit it). */
export { silentLogger, type Logger } from 'mlflow-js-client';
