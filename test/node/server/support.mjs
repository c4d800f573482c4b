// Test support for the counter server: child-process servers, a Redis of their own, an HTTP client, temp folders.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const cliPath = path.join(repoRoot, 'dist/server/cli.js');
export const ORIGIN = 'https://college.example';
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** A browser User-Agent that differs per reader number. */
export const readerUA = (n) => `Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.${n}`;

/** A public-looking address that differs per reader number. */
export const readerIP = (n) => `203.0.${(n >> 8) & 255}.${n & 255}`;

export async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'news-counter-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

// A free socket is dropped after 2 s idle, well before a server's 5 s keep-alive timeout closes it from
// its side: a request never races the server's close.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 2_000 });

/**
 * One HTTP request; resolves with status, headers, text and parsed JSON (when it is JSON).
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string | Buffer }} [init]
 */
export function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POST /v1/views as a page on ORIGIN would (text/plain JSON), as reader `n` unless headers say otherwise.
 * @param {string} base
 * @param {string} id
 * @param {{ reader?: number, headers?: Record<string, string>, body?: string }} [options]
 */
export function postView(base, id, { reader = 0, headers = {}, body } = {}) {
  return request(`${base}/v1/views`, {
    method: 'POST',
    headers: {
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: ORIGIN,
      'User-Agent': readerUA(reader),
      'X-Forwarded-For': readerIP(reader),
      ...headers,
    },
    body: body ?? JSON.stringify({ id }),
  });
}

export async function getCounts(base, ids) {
  const res = await request(`${base}/v1/counts?ids=${ids.map(encodeURIComponent).join(',')}`);
  if (res.status !== 200) throw new Error(`counts: ${res.status} ${res.text}`);
  return res.json.counts;
}

/**
 * Starts `news-widgets-server serve` in a child process on a free port; resolves once it listens.
 * @param {string[]} args
 * @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, output: () => string, stop: () => Promise<number | null>, kill: () => Promise<void> }>}
 */
export function startServer(args, { env = {} } = {}) {
  const child = spawn(process.execPath, [cliPath, 'serve', '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr.on('data', (c) => (err += c));
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      out += chunk;
      const match = /"event":"listening","url":"([^"]+)"/.exec(out);
      if (match) {
        child.stdout.off('data', onData);
        child.stdout.on('data', (c) => (out += c));
        resolve({
          url: match[1],
          child,
          output: () => out + err,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
          },
          kill: async () => {
            if (child.exitCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${out}${err}`)));
  });
}

/**
 * Runs the CLI to completion (import) in a child process, without blocking this one: while the child
 * runs, this process must go on seeing its keep-alive sockets closed by the servers it talks to, or the
 * next request goes out on a socket the server has already closed ("socket hang up").
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
export function runCli(args, { env = {} } = {}) {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

/** Starts a throwaway redis-server (no persistence) on a free port. */
export async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('Ready to accept connections')) resolve(undefined);
    });
    exited.then(() => reject(new Error(`redis-server exited:\n${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
