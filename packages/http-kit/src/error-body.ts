/** The error every champion service answers with: `{error: {code, message, details, requestId}}`. */

/** One bad field: where it is in the request and what is wrong with it. */
export interface ProblemDetail {
  /** e.g. `[3].income`, `dataframe_split.data[0].age`, `inputs[1].data[4]`. */
  readonly path: string;
  readonly problem: string;
}

/** A failure as a client sees it; the service's error classes fit. */
export interface ClientError {
  readonly code: string;
  readonly message: string;
  readonly details: readonly ProblemDetail[];
}

/** The code of a failure the server did not expect: logged with its stack, answered without. */
export const INTERNAL = 'INTERNAL';

export const INTERNAL_MESSAGE =
  'The server failed to handle this request; quote the request id when reporting it.';

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details: readonly ProblemDetail[];
    readonly requestId: string;
  };
}

export function errorBody(error: ClientError, requestId: string): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details, requestId } };
}
