// Starts the real manmulsang binary for browser tests: a demo store in a fresh temporary folder,
// served on 127.0.0.1 and a free port. Nothing here talks to any other host.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function serverBinary() {
  const binary = process.env.MANMULSANG_BINARY;
  if (!binary) throw new Error('set MANMULSANG_BINARY to the manmulsang binary (CTest does this)');
  return binary;
}

// admin: { email, password } makes an admin with the CLI in the store before it is served.
export async function startServer({ products = 200, seed = 1, admin, startupMilliseconds = 60_000 } = {}) {
  const binary = serverBinary();
  const directory = mkdtempSync(join(tmpdir(), 'manmulsang-browser-'));
  const data = join(directory, 'data');

  const demo = spawnSync(binary, ['demo', '--products', String(products), '--seed', String(seed), '--data', data], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (demo.status !== 0) {
    rmSync(directory, { recursive: true, force: true });
    throw new Error(`demo failed (${demo.status ?? demo.signal}):\n${demo.stdout}\n${demo.stderr}`);
  }
  // The admin login the demo prints once (the only place its password is ever shown).
  const printed = /admin login \(shown only now; keep it\): (\S+)  password: (\S+)/.exec(demo.stdout);
  const demoAdmin = printed ? { email: printed[1], password: printed[2] } : undefined;
  if (admin) {
    const passwordFile = join(directory, 'admin.password');
    writeFileSync(passwordFile, `${admin.password}\n`);
    const created = spawnSync(binary, ['admin', 'create-user', '--email', admin.email, '--password-file', passwordFile,
                                       '--role', 'admin', '--data', data], { encoding: 'utf8' });
    rmSync(passwordFile, { force: true });
    if (created.status !== 0) {
      rmSync(directory, { recursive: true, force: true });
      throw new Error(`admin create-user failed:\n${created.stdout}\n${created.stderr}`);
    }
  }

  const child = spawn(binary, ['serve', '--listen', '127.0.0.1:0', '--data', data], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test process that dies must not leave its server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  let log = '';
  let onPortLine = () => {};
  const append = (chunk) => {
    log = (log + chunk.toString()).slice(-50_000);
    onPortLine();
  };
  // Both pipes are drained for the server's whole life, so a chatty server never blocks.
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const fail = (error) => {
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    rmSync(directory, { recursive: true, force: true });
    throw error;
  };
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print its port in time:\n${log}`)),
                             startupMilliseconds);
    onPortLine = () => {
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        onPortLine = () => {};
        resolve(Number(match[1]));
      }
    };
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${log}`));
    });
  }).catch(fail);

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startupMilliseconds;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // Not accepting yet.
    }
    if (Date.now() > deadline) fail(new Error(`/healthz did not answer in time:\n${log}`));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    baseUrl,
    port,
    demoAdmin,
    log: () => log,
    // SIGTERM, then the exit code (SIGKILL after the timeout).
    async stop(timeoutMilliseconds = 20_000) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMilliseconds);
      const result = await exited;
      clearTimeout(timer);
      process.off('exit', killOnExit);
      rmSync(directory, { recursive: true, force: true });
      return result;
    },
  };
}
