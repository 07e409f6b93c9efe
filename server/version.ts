/** The console's version: shown by /console/info, and written by its runtime to runtime.json. */
export const CONSOLE_VERSION = '0.1.0';
