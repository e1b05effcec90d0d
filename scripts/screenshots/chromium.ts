// Starts Debian's headless Chromium with the DevTools protocol on a free port and connects to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CdpClient } from './cdp-client';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export interface Browser {
	cdp: CdpClient;
	close(): Promise<void>;
}

export function findChromium(): string {
	const found = [process.env.CHROMIUM_PATH, ...CANDIDATES].find((candidate): candidate is string => !!candidate && existsSync(candidate));
	if (!found) throw new Error('Chromium was not found. On Debian: apt-get install -y chromium (or set CHROMIUM_PATH).');
	return found;
}

export async function launchChromium(): Promise<Browser> {
	const profile = await mkdtemp(path.join(os.tmpdir(), 'tajo-chromium-'));
	const child: ChildProcess = spawn(
		findChromium(),
		[
			'--headless=new',
			'--remote-debugging-address=127.0.0.1',
			// 0: Chromium picks a free port and prints the endpoint on stderr.
			'--remote-debugging-port=0',
			`--user-data-dir=${profile}`,
			// Root in a container has no user namespace for Chromium's sandbox.
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--no-first-run',
			'--no-default-browser-check',
			'--hide-scrollbars',
			'--mute-audio',
			'about:blank',
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	const close = async () => {
		if (child.exitCode === null) {
			child.kill('SIGTERM');
			await new Promise((resolve) => child.once('exit', resolve));
		}
		await rm(profile, { recursive: true, force: true, maxRetries: 3 });
	};
	try {
		const endpoint = await new Promise<string>((resolve, reject) => {
			let stderr = '';
			const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools endpoint within 30 s:\n${stderr.slice(-2000)}`)), 30_000);
			child.stderr?.on('data', (chunk: Buffer) => {
				stderr += chunk.toString();
				const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
				if (match) {
					clearTimeout(timer);
					resolve(match[1]);
				}
			});
			child.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`Chromium exited (${code}) before it was ready:\n${stderr.slice(-2000)}`));
			});
		});
		const cdp = await CdpClient.connect(endpoint);
		return {
			cdp,
			close: async () => {
				cdp.close();
				await close();
			},
		};
	} catch (error) {
		await close();
		throw error;
	}
}
