/** champion's version, recorded in every model it produces. */
export const CHAMPION_VERSION = '0.1.0';
