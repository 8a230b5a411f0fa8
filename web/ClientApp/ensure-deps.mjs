// Runs `npm ci` for ClientApp when node_modules is missing or older than the lockfile.
//
// Called by ClientApp.targets. Several MSBuild nodes can build the web project at the same time
// (dotnet test builds it from each test project), and two concurrent `npm ci` runs would delete
// each other's node_modules. So the work happens under a lock directory (mkdir is atomic on every
// file system we care about), and the freshness check is repeated once the lock is held: the
// second builder finds the first one's install and does nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lockDir = join(here, '.npm-ci.lock');
const stamp = join(here, 'node_modules', '.npm-ci.stamp');
const inputs = ['package.json', 'package-lock.json'].map(f => join(here, f));
// Longer than any sane `npm ci` of this small tree; a lock this old was left by a killed build.
const staleAfterMs = 10 * 60 * 1000;
const sleep = ms => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function mtime(path) {
  try { return statSync(path).mtimeMs; } catch { return -1; }
}

function upToDate() {
  const s = mtime(stamp);
  return s >= 0 && inputs.every(i => mtime(i) <= s);
}

function holderIsGone() {
  let pid;
  try { pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8')); } catch { return false; }
  if (!pid) return false;
  try { process.kill(pid, 0); return false; } catch (e) { return e.code === 'ESRCH'; }
}

function acquire() {
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const age = Date.now() - mtime(lockDir);
      if (holderIsGone() || age > staleAfterMs) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      sleep(250);
    }
  }
}

if (upToDate()) process.exit(0);
acquire();
try {
  if (!upToDate()) {
    // Quiet on success; on failure npm's own output is printed so the build log says why.
    const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
      cwd: here,
      encoding: 'utf8',
      shell: process.platform === 'win32', // npm is npm.cmd there
    });
    if (npm.status !== 0) {
      process.stderr.write(npm.stdout ?? '');
      process.stderr.write(npm.stderr ?? '');
      process.stderr.write(`npm ci failed in ${here} (${npm.error?.message ?? 'exit code ' + npm.status})\n`);
      process.exit(1);
    }
    writeFileSync(stamp, new Date().toISOString() + '\n');
  }
} finally {
  rmSync(lockDir, { recursive: true, force: true });
}
