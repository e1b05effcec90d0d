import { spawn } from 'node:child_process';

export interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** Kill the command after this long; a hung npm must fail the test, not stall it. */
	timeoutMs?: number;
}

export interface RunResult {
	stdout: string;
	stderr: string;
}

/** The last `lines` lines of a text, for error messages that stay readable. */
export function tail(text: string, lines = 40): string {
	const all = text.replace(/\s+$/, '').split('\n');
	return all.slice(-lines).join('\n');
}

/**
 * Runs a command to completion and returns its output. On a non-zero exit or a timeout it throws
 * an error that names the command and carries the tail of its output, so a failing build, pack or
 * npm install explains itself in the test report.
 */
export async function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
	const timeoutMs = options.timeoutMs ?? 5 * 60_000;
	return await new Promise<RunResult>((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			// Own process group, so a timeout can kill npm together with the processes it starts.
			detached: true,
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			try {
				if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(new Error(`could not start \`${command}\`: ${error.message}`));
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (code === 0 && !timedOut) {
				resolve({ stdout, stderr });
				return;
			}
			const why = timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${code ?? signal}`;
			reject(
				new Error(
					`\`${command} ${args.join(' ')}\` (in ${options.cwd}) ${why}\n` +
						`--- stdout (tail) ---\n${tail(stdout)}\n--- stderr (tail) ---\n${tail(stderr)}`,
				),
			);
		});
	});
}
