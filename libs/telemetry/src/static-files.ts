import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves the file at URL path `path` from `directory` (`/` is
 * `index.html`); answers 404 for anything outside the directory, missing,
 * or of a type it does not serve.
 *
 * @example
 * await serveStatic('/work/apps/dashboard/public', '/dashboard.js', response);
 */
export async function serveStatic(directory: string, path: string, response: ServerResponse): Promise<void> {
  const root = resolve(directory);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path === '/' ? '/index.html' : path);
  } catch {
    return notFound(response); // a malformed %-escape names no file
  }
  const file = resolve(join(root, decoded));
  const inside = relative(root, file);
  const type = TYPES[extname(file)];
  if (inside.startsWith(`..${sep}`) || inside === '..' || type === undefined) return notFound(response);
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound(response);
  }
  response.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache' });
  response.end(body);
}

/**
 * Answers 404 with a one-line text body.
 *
 * @example
 * notFound(response);
 */
export function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('not found\n');
}
