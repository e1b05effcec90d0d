/**
 * Starts the Brevo emulator alone, for the demo or for trying it with curl:
 *   scripts/node24 npx tsx sandbox/brevo/cli.ts --port 4010 [--api-key KEY] [--time-scale 1] [--no-seed]
 * Environment variables BREVO_SANDBOX_PORT / BREVO_SANDBOX_API_KEY work too.
 */
import { startBrevoSandbox } from './index';

function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
	const port = Number(option('port') ?? process.env.BREVO_SANDBOX_PORT ?? 4010);
	const timeScale = Number(option('time-scale') ?? 1);
	if (!Number.isInteger(port) || port < 0 || !(timeScale > 0)) throw new Error('--port must be an integer and --time-scale a positive number');
	const sandbox = await startBrevoSandbox({
		port,
		apiKey: option('api-key') ?? process.env.BREVO_SANDBOX_API_KEY,
		timeScale,
		seed: !process.argv.includes('--no-seed'),
	});
	console.log(`Brevo sandbox listening: API ${sandbox.apiBaseUrl} (api-key: ${sandbox.apiKey}), control ${sandbox.url}/_sandbox`);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
