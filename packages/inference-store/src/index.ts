/**
 * The inference store: every record serving scored, and the labels that arrive later, in one
 * place named by `CHAMPION_INFERENCE_STORE` (a directory of segments, or PostgreSQL). Serving
 * writes it; the monitor reads it. The record format lives here and nowhere else.
 */
export {};
