/** Runs the `sarafan` command (bin/sarafan.js) to its end. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const SARAFAN_BIN = path.resolve('bin/sarafan.js');

/** @returns the exit code and the output (stdout and stderr together); killed after 60 s. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SARAFAN_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * Runs `sarafan ARGS` in the locale `locale` (LANG; LC_ALL and LC_MESSAGES cleared) with `stdin` as its
 * input. @returns the exit code, stdout and stderr apart; killed after `timeoutMs`.
 */
export function runCommand(args: string[], opts: { stdin?: string; locale?: string; timeoutMs?: number } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, LANG: opts.locale ?? 'C', LC_ALL: '', LC_MESSAGES: '' };
    const child = spawn(process.execPath, [SARAFAN_BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}
