/**
 * `npm run sandbox`: both emulators, seeded, on fixed ports (BigCommerce 4010, Brevo 4020; change
 * with --bigcommerce-port / --brevo-port). Stops on Ctrl-C.
 */
import { startBigCommerceSandbox } from './bigcommerce';
import { startBrevoSandbox } from './brevo';

export const SANDBOX_DEFAULT_PORTS = { bigcommerce: 4010, brevo: 4020 } as const;

function portOption(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	const port = index >= 0 ? Number(process.argv[index + 1]) : fallback;
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--${name} must be a port number`);
	return port;
}

/** Starts both emulators and returns them with a one-paragraph description for the console. */
export async function startSandboxes(ports: { bigcommerce: number; brevo: number } = SANDBOX_DEFAULT_PORTS) {
	const bigcommerce = await startBigCommerceSandbox({ port: ports.bigcommerce, seed: true });
	const brevo = await startBrevoSandbox({ port: ports.brevo, seed: true });
	const describe = [
		`BigCommerce sandbox  API Base URL ${bigcommerce.url}  store hash ${bigcommerce.storeHash}  access token ${bigcommerce.accessToken}`,
		`                     control API ${bigcommerce.url}/_sandbox  (sandbox/bigcommerce/CONTROL_API.md)`,
		`Brevo sandbox        Base URL ${brevo.apiBaseUrl}  API key ${brevo.apiKey}`,
		`                     control API ${brevo.url}/_sandbox  (sandbox/brevo/CONTROL_API.md)`,
	].join('\n');
	return { bigcommerce, brevo, describe, close: async () => void (await Promise.all([bigcommerce.close(), brevo.close()])) };
}

async function main(): Promise<void> {
	const sandboxes = await startSandboxes({
		bigcommerce: portOption('bigcommerce-port', SANDBOX_DEFAULT_PORTS.bigcommerce),
		brevo: portOption('brevo-port', SANDBOX_DEFAULT_PORTS.brevo),
	});
	console.log(sandboxes.describe);
	const stop = () => void sandboxes.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
