import { createServer, type Server } from 'node:net';

/**
 * Asks the OS for `count` distinct free TCP ports on 127.0.0.1. All probe sockets stay open until
 * every port is known, so the OS cannot hand out the same port twice; they are closed before
 * returning (a tiny window remains in which another process could take one — n8n then fails to
 * start with EADDRINUSE, which the start-up error reports).
 */
export async function freePorts(count: number): Promise<number[]> {
	const servers: Server[] = [];
	try {
		const ports: number[] = [];
		for (let i = 0; i < count; i++) {
			const server = createServer();
			servers.push(server);
			await new Promise<void>((resolve, reject) => {
				server.once('error', reject);
				server.listen(0, '127.0.0.1', () => resolve());
			});
			const address = server.address();
			if (address === null || typeof address === 'string') throw new Error('could not read a probe socket port');
			ports.push(address.port);
		}
		return ports;
	} finally {
		await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
	}
}
