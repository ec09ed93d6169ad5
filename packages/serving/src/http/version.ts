/** Reported by GET /v2 and in logs. Kept by hand in step with package.json (no import.meta here). */
export const SERVER_NAME = 'champion';
export const SERVER_VERSION = '0.1.0';
