/**
 * `npm run demo`: plays the scripted store day (scripts/store-day/store-day.ts) and prints what it
 * came to — members per tier, points awarded and taken back, what Brevo sent, carts recovered.
 *
 *   npm run demo                   against the running `npm start` (another terminal): its n8n on
 *                                  TAJO_DEMO_PORT (5678) and its emulators on 4010 and 4020; the
 *                                  templates' delays are shortened for the day and put back after
 *   npm run demo -- --replay       starts a fresh n8n and fresh emulators itself, plays, stops
 *   npm run demo -- --replay --keep   …and keeps them running to look around, until Ctrl-C
 */
import { OWNER } from '../test/harness/n8n-instance';
import { DEMO_DIR } from './start';
import { DemoTargetError, connectToRunningDemo, startReplay, type DemoTarget } from './demo/demo-targets';
import { castFor } from './store-day/day-cast';
import { DayFlows } from './store-day/day-flows';
import { formatSummary, summarizeDay } from './store-day/day-summary';
import { observeDay } from './store-day/observe-day';
import { playStoreDay } from './store-day/store-day';

const USAGE = 'Usage: npm run demo [-- --replay [--keep]]';

function parseArgs(argv: string[]): { replay: boolean; keep: boolean } {
	const known = new Set(['--replay', '--keep', '--help', '-h']);
	const unknown = argv.filter((a) => !known.has(a));
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(USAGE);
		process.exit(0);
	}
	if (unknown.length) throw new DemoTargetError(`Unknown option ${unknown.join(' ')}. ${USAGE}`);
	if (argv.includes('--keep') && !argv.includes('--replay')) throw new DemoTargetError(`--keep goes with --replay. ${USAGE}`);
	return { replay: argv.includes('--replay'), keep: argv.includes('--keep') };
}

const clock = () => new Date().toISOString().slice(11, 19);
const log = (line: string) => console.log(`${clock()}  ${line}`);

async function main(): Promise<void> {
	let args: ReturnType<typeof parseArgs>;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error((error as Error).message);
		process.exit(2);
	}
	let target: DemoTarget | undefined;
	let closing: Promise<void> | undefined;
	const close = (code: number) =>
		(closing ??= (async () => {
			await target?.close().catch((error: unknown) => console.error(`Could not put everything back: ${(error as Error).message}`));
			process.exit(code);
		})());
	process.on('SIGINT', () => void close(130));
	process.on('SIGTERM', () => void close(143));
	try {
		if (args.replay) {
			log('Starting a fresh n8n with the package and fresh emulators (about a minute)…');
			target = await startReplay();
		} else {
			target = await connectToRunningDemo({ demoDir: DEMO_DIR, n8nPort: Number(process.env.TAJO_DEMO_PORT ?? 5678), log });
		}
		// Its own tag, so the day's customers, phone numbers and products are new on every run.
		const cast = castFor(Date.now().toString(36).slice(-6));
		const flows = await DayFlows.load(target.n8n, target.bc, target.workflowIds);
		log(`The store day starts (n8n ${target.n8nUrl}; customers tagged "${cast.tag}").`);
		const day = await playStoreDay({ bc: target.bc, brevo: target.brevo, flows, cast, log });
		log('The day is over.');
		const { storeHash } = await target.bc.info();
		const summary = summarizeDay(await observeDay({ brevo: target.brevo, ledgerPath: target.ledgerPath, storeHash, since: day.startedAt, brevoCheckpoint: day.brevoCheckpoint }));
		console.log(`\n${formatSummary(summary)}\n`);
		if (!args.replay || args.keep) console.log(`Every execution is in the n8n editor: ${target.n8nUrl}/home/executions`);
		if (args.keep) {
			console.log(`Everything keeps running: ${target.n8nUrl} (sign in as ${OWNER.email} / ${OWNER.password}). Ctrl-C stops it.`);
			return;
		}
		await close(0);
	} catch (error) {
		console.error(error instanceof DemoTargetError ? error.message : error instanceof Error ? (error.stack ?? error.message) : error);
		await close(1);
	}
}

void main();
