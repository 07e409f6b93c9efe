/** The folder the console runs from: `file:` asset paths, demo-apps/ and the built SPA (dist/) are found from it. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const consoleRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
