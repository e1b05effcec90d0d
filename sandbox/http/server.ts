import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequest, writeResponse, type SandboxRequest, type SandboxResponse } from './router';

/** A started emulator: its base URL and how to stop it. */
export interface RunningServer {
	url: string;
	port: number;
	close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 (port 0 = any free port) that hands every request to `handle`.
 * Bodies that are not valid JSON are passed through as `body: undefined` with `rawBody` set, so each
 * emulator answers them in its own API's error format.
 */
export async function startServer(
	handle: (req: SandboxRequest) => Promise<SandboxResponse>,
	port = 0,
	host = '127.0.0.1',
): Promise<RunningServer> {
	const server: Server = createServer((req, res) => {
		void (async () => {
			try {
				const { rawBody, path, query } = await readRequest(req);
				let body: unknown;
				if (rawBody.length > 0) {
					try {
						body = JSON.parse(rawBody);
					} catch {
						body = undefined;
					}
				}
				const response = await handle({ method: (req.method ?? 'GET').toUpperCase(), path, params: {}, query, headers: req.headers, body, rawBody });
				if (response.delayMs) await new Promise((r) => setTimeout(r, response.delayMs));
				writeResponse(res, response);
			} catch (error) {
				writeResponse(res, { status: 500, body: { status: 500, title: 'Sandbox internal error', detail: String(error) } });
			}
		})();
	});
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	const actual = (server.address() as AddressInfo).port;
	return {
		url: `http://${host}:${actual}`,
		port: actual,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
