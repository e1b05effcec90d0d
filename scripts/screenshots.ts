/**
 * `npm run screenshots`: a picture of every template's flow, as the n8n editor shows it, for the
 * README (docs/images/<template>.png). Starts n8n with the package and the emulators (as the tests
 * do), imports the templates with the sandbox store's values, signs in with headless Chromium
 * (Debian's `chromium`; CHROMIUM_PATH to use another) and photographs each canvas after n8n's own
 * "zoom to fit" (one step back, for a margin). Not part of CI: run it after changing a template, and commit the PNGs.
 *
 *   npm run screenshots [-- customer-sync.json …]   only those templates
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OWNER } from '../test/harness/n8n-instance';
import { REPO_ROOT } from '../test/harness/toolchain';
import type { WorkflowJson } from '../test/harness/n8n-api';
import { loadTemplate, startTemplateStack, templateFiles } from '../test/harness/templates';
import { SANDBOX_OWNER_EMAIL, SANDBOX_REPORT_TEMPLATE_ID } from './demo/demo-services';
import { importTemplates } from './demo/template-import';
import { CdpPage } from './screenshots/cdp-client';
import { launchChromium } from './screenshots/chromium';

export const IMAGES_DIR = path.join(REPO_ROOT, 'docs', 'images');
/** Space around the outermost nodes, in page pixels (node labels hang below their boxes). */
const CROP_MARGIN = 28;
/** Keeps the pictures small enough to commit; larger ones are taken again at a smaller scale. */
const MAX_BYTES = 300 * 1024;

async function signIn(page: CdpPage, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.waitFor('the sign-in form', `document.querySelector('input[type=password]')`);
	await page.type('input[type=email], input[name=emailOrLdapLoginId]', OWNER.email);
	await page.type('input[type=password]', OWNER.password);
	await page.click('button[type=submit], [data-test-id="form-submit-button"], form button');
	await page.waitFor('the editor after signing in', `!location.pathname.startsWith('/signin')`);
}

/**
 * A window in proportion to the flow, so that n8n's "zoom to fit" shows a long flow (the cart
 * recovery) as legibly as a short one: the flow's extent on the canvas, from the nodes' positions
 * and the sticky notes' sizes, plus room for the editor around it, within sensible bounds.
 */
export function viewportFor(workflow: WorkflowJson): { width: number; height: number } {
	const boxes = workflow.nodes.map((node) => {
		const [x, y] = (node.position as [number, number] | undefined) ?? [0, 0];
		const p = node.parameters as { width?: number; height?: number };
		const sticky = node.type === 'n8n-nodes-base.stickyNote';
		return { left: x, top: y, right: x + (sticky ? (p.width ?? 240) : 120), bottom: y + (sticky ? (p.height ?? 160) : 150) };
	});
	const width = Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
	const height = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
	const clamp = (value: number, low: number, high: number) => Math.round(Math.min(high, Math.max(low, value)));
	return { width: clamp(width * 0.8 + 260, 1280, 3000), height: clamp(height * 0.8 + 260, 720, 1600) };
}

/** Opens the workflow, fits it to the window and returns the area its nodes take. */
async function openCanvas(page: CdpPage, url: string, workflow: WorkflowJson): Promise<{ x: number; y: number; width: number; height: number }> {
	await page.setViewport(viewportFor(workflow));
	await page.goto(url);
	const nodeCount = workflow.nodes.length;
	await page.waitFor(`${nodeCount} nodes on the canvas`, `document.querySelectorAll('.vue-flow__node').length >= ${nodeCount}`, 60_000);
	await page.evaluate('document.fonts.ready.then(() => true)');
	// n8n fits the view on load, before every node may be measured: fit again, as the button does.
	await new Promise((resolve) => setTimeout(resolve, 500));
	await page.click('[data-test-id="zoom-to-fit"]');
	await new Promise((resolve) => setTimeout(resolve, 800));
	// Fitting leaves the outermost nodes' labels at the very edge: one step back gives them room.
	await page.click('[data-test-id="zoom-out-button"]');
	await new Promise((resolve) => setTimeout(resolve, 1000));
	// The nodes (sticky notes included) and a margin, inside the canvas: no editor chrome around.
	return await page.evaluate<{ x: number; y: number; width: number; height: number }>(`(() => {
		const canvas = document.querySelector('.vue-flow').getBoundingClientRect();
		// Every part of every node: labels and subtitles hang outside the node's own box.
		const nodes = [...document.querySelectorAll('.vue-flow__node, .vue-flow__node *')].map((n) => n.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
		const margin = ${CROP_MARGIN};
		const left = Math.max(canvas.left, Math.min(...nodes.map((r) => r.left)) - margin);
		const top = Math.max(canvas.top, Math.min(...nodes.map((r) => r.top)) - margin);
		const right = Math.min(canvas.right, Math.max(...nodes.map((r) => r.right)) + margin);
		const bottom = Math.min(canvas.bottom, Math.max(...nodes.map((r) => r.bottom)) + margin);
		return { x: left, y: top, width: right - left, height: bottom - top };
	})()`);
}

async function main(): Promise<void> {
	const wanted = process.argv.slice(2);
	const files = wanted.length ? wanted : templateFiles();
	const unknown = files.filter((f) => !templateFiles().includes(f));
	if (unknown.length) throw new Error(`not templates of workflows/: ${unknown.join(', ')}`);
	mkdirSync(IMAGES_DIR, { recursive: true });
	console.log('Starting n8n with the package, the emulators and Chromium…');
	const stack = await startTemplateStack();
	const browser = await launchChromium().catch(async (error: unknown) => {
		await stack.close();
		throw error;
	});
	try {
		const { n8n, bc } = stack;
		const ids = await importTemplates(n8n, {
			config: { storeHash: bc.storeHash, storefrontUrl: `${bc.url}/storefront/${bc.storeHash}/`, reportTemplateId: SANDBOX_REPORT_TEMPLATE_ID, ownerEmail: SANDBOX_OWNER_EMAIL },
			files,
			activate: false,
		});
		const page = await CdpPage.open(browser.cdp, { width: 1280, height: 800 });
		try {
			await signIn(page, n8n.baseUrl);
			for (const file of files) {
				const clip = await openCanvas(page, `${n8n.baseUrl}/workflow/${ids[file]}`, loadTemplate(file));
				let png = await page.screenshot(clip);
				for (let scale = 0.85; png.length > MAX_BYTES && scale > 0.4; scale -= 0.15) png = await page.screenshot({ ...clip, scale });
				const target = path.join(IMAGES_DIR, file.replace(/\.json$/, '.png'));
				writeFileSync(target, png);
				console.log(`${path.relative(REPO_ROOT, target)}  ${(png.length / 1024).toFixed(0)} KB`);
			}
		} catch (error) {
			// What the browser showed when it went wrong says more than a timeout.
			const shot = path.join(os.tmpdir(), 'tajo-screenshots-failure.png');
			writeFileSync(shot, await page.screenshot({ x: 0, y: 0, ...page.viewport }));
			throw new Error(`${(error as Error).message} (the page at that moment: ${shot})`);
		}
	} finally {
		await browser.close();
		await stack.close();
	}
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
