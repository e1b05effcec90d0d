// Contract test files wrap their suites in describeContract so that a missing specs folder is a
// loud failure, and skipping is a deliberate, visible choice (TAJO_SKIP_CONTRACT=1).
import { SKIP_ENV, specsRoot } from './specs-root';

export function contractTestsSkipped(): boolean {
	return process.env[SKIP_ENV] === '1';
}

export function describeContract(name: string, fn: () => void): void {
	if (contractTestsSkipped()) {
		console.warn(`[contract] SKIPPED "${name}": ${SKIP_ENV}=1 is set, so this suite was not checked against the API specs.`);
		describe.skip(name, fn);
		return;
	}
	describe(name, () => {
		// Fails every test in the suite with the plain "specs folder not found" message.
		beforeAll(() => {
			specsRoot();
		});
		fn();
	});
}
