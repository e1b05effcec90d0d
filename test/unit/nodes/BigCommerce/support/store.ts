import { startBigCommerceSandbox, type BigCommerceSandbox } from '../../../../../sandbox/bigcommerce';
import type { Credentials } from './contexts';
import { fetchHandler, recording, type RecordedCall, type RequestHandler } from './http';

export interface TestStore {
	sandbox: BigCommerceSandbox;
	credentials: Credentials;
	/** Requests go to the emulator with the store's token and are recorded in `calls`. */
	request: RequestHandler;
	calls: RecordedCall[];
	close(): Promise<void>;
}

/** The sample store of the BigCommerce emulator, seeded. */
export async function startTestStore(): Promise<TestStore> {
	const sandbox = await startBigCommerceSandbox({ seed: true, cartAbandonAfterMs: null });
	const { handler, calls } = recording(fetchHandler(sandbox.accessToken));
	return {
		sandbox,
		credentials: { storeHash: sandbox.storeHash, accessToken: sandbox.accessToken, apiBaseUrl: sandbox.url },
		request: handler,
		calls,
		close: () => sandbox.close(),
	};
}
