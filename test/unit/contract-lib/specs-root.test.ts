// Missing specs must fail loudly with a message that names the file and the fix; skipping is
// only ever an explicit opt-out.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeContract, loadSpec, REPO_ROOT, specsRoot } from '../../contract/lib';

function withSpecsDir<T>(dir: string | undefined, fn: () => T): T {
	const before = process.env.TAJO_SPECS_DIR;
	if (dir === undefined) delete process.env.TAJO_SPECS_DIR;
	else process.env.TAJO_SPECS_DIR = dir;
	try {
		return fn();
	} finally {
		if (before === undefined) delete process.env.TAJO_SPECS_DIR;
		else process.env.TAJO_SPECS_DIR = before;
	}
}

// Collected with the opt-out set: the suite must be skipped, with a warning.
const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
const skipBefore = process.env.TAJO_SKIP_CONTRACT;
process.env.TAJO_SKIP_CONTRACT = '1';
describeContract('opted-out suite', () => {
	it('is never run', () => {
		throw new Error('describeContract ran a suite despite TAJO_SKIP_CONTRACT=1');
	});
});
if (skipBefore === undefined) delete process.env.TAJO_SKIP_CONTRACT;
else process.env.TAJO_SKIP_CONTRACT = skipBefore;
const warnings = warn.mock.calls.map((args) => String(args[0]));
warn.mockRestore();

describe('contract-lib: specs folder', () => {
	let empty: string;
	beforeAll(() => {
		empty = fs.mkdtempSync(path.join(os.tmpdir(), 'tajo-specs-empty-'));
	});
	afterAll(() => fs.rmSync(empty, { recursive: true, force: true }));

	it('defaults to <repo root>/../shared/specs, found from the library location', () => {
		expect(REPO_ROOT).toBe(path.resolve(__dirname, '..', '..', '..'));
		expect(fs.existsSync(path.join(REPO_ROOT, 'package.json'))).toBe(true);
		if (!process.env.TAJO_SPECS_DIR && fs.existsSync(path.resolve(REPO_ROOT, '..', 'shared', 'specs'))) {
			expect(specsRoot()).toBe(path.resolve(REPO_ROOT, '..', 'shared', 'specs'));
		}
	});

	it('names the missing file and how to set TAJO_SPECS_DIR (empty folder)', () => {
		withSpecsDir(empty, () => {
			expect(specsRoot()).toBe(empty);
			let message = '';
			try {
				loadSpec('bigcommerce/current/reference/customers.v3.yml');
			} catch (error) {
				message = (error as Error).message;
			}
			expect(message).toContain('Contract spec file missing: bigcommerce/current/reference/customers.v3.yml');
			expect(message).toContain(path.join(empty, 'bigcommerce/current/reference/customers.v3.yml'));
			expect(message).toContain('TAJO_SPECS_DIR=/path/to/specs');
			expect(message).toContain('TAJO_SKIP_CONTRACT=1');
		});
	});

	it('names the missing folder when TAJO_SPECS_DIR points nowhere', () => {
		const nowhere = path.join(empty, 'does-not-exist');
		withSpecsDir(nowhere, () => {
			expect(() => specsRoot()).toThrow(`Contract specs folder not found: ${nowhere} (from TAJO_SPECS_DIR).`);
			expect(() => loadSpec('brevo/swagger_definition_v3.2025-02-mirror.yml')).toThrow(/TAJO_SPECS_DIR=\/path\/to\/specs/);
		});
	});

	it('TAJO_SKIP_CONTRACT=1 skips describeContract suites with a printed warning', () => {
		expect(warnings).toEqual([expect.stringContaining('SKIPPED "opted-out suite": TAJO_SKIP_CONTRACT=1')]);
	});
});
