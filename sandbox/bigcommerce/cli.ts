/**
 * Starts the BigCommerce emulator from the command line (for the demo or manual testing):
 *
 *   scripts/node24 npx tsx sandbox/bigcommerce/cli.ts --port 4010 --seed [--time-scale 60]
 *     [--store-hash sandbox1] [--token sandbox-token] [--client-id sandbox-client]
 *     [--quota 150] [--window-ms 30000] [--storefront-url https://store.example.com]
 *
 * It prints the API base URL and the control API address, and stops on Ctrl-C / SIGTERM.
 */
import { startBigCommerceSandbox, type BigCommerceSandboxOptions } from './index';

function parseArgs(argv: string[]): BigCommerceSandboxOptions {
	const options: BigCommerceSandboxOptions = {};
	const rateLimit: { windowMs?: number; quota?: number } = {};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		const number = () => {
			const n = Number(value());
			if (!Number.isFinite(n)) throw new Error(`${flag} needs a number`);
			return n;
		};
		switch (flag) {
			case '--port': options.port = number(); break;
			case '--seed': options.seed = true; break;
			case '--time-scale': options.timeScale = number(); break;
			case '--store-hash': options.storeHash = value(); break;
			case '--token': options.accessToken = value(); break;
			case '--client-id': options.clientId = value(); break;
			case '--quota': rateLimit.quota = number(); break;
			case '--window-ms': rateLimit.windowMs = number(); break;
			case '--storefront-url': options.storefrontUrl = value(); break;
			case '--help':
				console.log('See the comment at the top of sandbox/bigcommerce/cli.ts and sandbox/bigcommerce/CONTROL_API.md.');
				process.exit(0);
			// falls through (exit never returns)
			default:
				throw new Error(`Unknown option ${flag} (try --help)`);
		}
	}
	if (rateLimit.quota !== undefined || rateLimit.windowMs !== undefined) options.rateLimit = rateLimit;
	return options;
}

async function main(): Promise<void> {
	const sandbox = await startBigCommerceSandbox(parseArgs(process.argv.slice(2)));
	console.log(`BigCommerce sandbox listening on ${sandbox.url}`);
	console.log(`  API Base URL (credential): ${sandbox.url}`);
	console.log(`  store hash: ${sandbox.storeHash}   access token: ${sandbox.accessToken}`);
	console.log(`  API: ${sandbox.apiBase('v3')} and ${sandbox.apiBase('v2')}`);
	console.log(`  control API: ${sandbox.url}/_sandbox (see sandbox/bigcommerce/CONTROL_API.md)`);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
