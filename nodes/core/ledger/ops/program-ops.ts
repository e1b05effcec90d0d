import { randomUUID } from 'node:crypto';
import { InvalidLedgerInput, ProgramNotFound } from '../errors';
import type { Program, ProgramRef, ProgramUpsert, ProgramUpsertResult } from '../program-types';
import { row, rows, run, type Op, type Row } from '../sql/statement';
import { int, iso, json } from '../sql/values';
import { canonicalJson } from './canonical-json';
import type { OpContext } from './context';
import { requireText } from './validate';

const PROGRAM_COLUMNS =
	'p.id, p.store_hash, p.name, v.version, v.config, p.created_at, v.created_at AS version_created_at';

function mapProgram(r: Row): Program {
	return {
		id: String(r.id),
		storeHash: String(r.store_hash),
		name: String(r.name),
		version: int(r.version),
		config: json<Record<string, unknown>>(r.config) ?? {},
		createdAt: iso(r.created_at),
		updatedAt: iso(r.version_created_at),
	};
}

export function validateProgramUpsert(input: ProgramUpsert): ProgramUpsert {
	const config = input.config;
	if (!config || typeof config !== 'object' || Array.isArray(config)) throw new InvalidLedgerInput('config', 'must be a JSON object');
	return { storeHash: requireText('storeHash', input.storeHash, 100), name: requireText('name', input.name, 100), config };
}

/**
 * Creates the program, or appends a version when the config changed. The program row is locked
 * first, so concurrent upserts of one program get consecutive versions; an unchanged config
 * writes nothing.
 */
export function* upsertProgramOp(ctx: OpContext, input: ProgramUpsert): Op<ProgramUpsertResult> {
	const newId = randomUUID();
	const inserted = yield* run(
		'INSERT INTO tajo_programs (id, store_hash, name, current_version, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (store_hash, name) DO NOTHING',
		[newId, input.storeHash, input.name, ctx.now, ctx.now],
	);
	const program = yield* row(
		`SELECT id, current_version FROM tajo_programs WHERE store_hash = ? AND name = ?${ctx.dialect.forUpdate()}`,
		[input.storeHash, input.name],
	);
	if (!program) throw new ProgramNotFound(`${input.storeHash}/${input.name}`);
	const id = String(program.id);
	const current = int(program.current_version);
	const config = canonicalJson(input.config);
	if (current > 0) {
		const existing = yield* row('SELECT config FROM tajo_program_versions WHERE program_id = ? AND version = ?', [id, current]);
		if (existing && canonicalJson(json(existing.config)) === config) {
			return { program: yield* programAt(id, current), created: false, versionCreated: false };
		}
	}
	const version = current + 1;
	yield* run('INSERT INTO tajo_program_versions (program_id, version, config, created_at) VALUES (?, ?, ?, ?)', [id, version, config, ctx.now]);
	yield* run('UPDATE tajo_programs SET current_version = ?, updated_at = ? WHERE id = ?', [version, ctx.now, id]);
	return { program: yield* programAt(id, version), created: inserted > 0, versionCreated: true };
}

function* programAt(id: string, version: number): Op<Program> {
	const found = yield* row(
		`SELECT ${PROGRAM_COLUMNS} FROM tajo_programs p JOIN tajo_program_versions v ON v.program_id = p.id WHERE p.id = ? AND v.version = ?`,
		[id, version],
	);
	if (!found) throw new ProgramNotFound(`${id} version ${version}`);
	return mapProgram(found);
}

export function* getProgramOp(ref: ProgramRef, version?: number): Op<Program> {
	const byId = 'programId' in ref;
	const head = yield* row(
		`SELECT id, current_version FROM tajo_programs WHERE ${byId ? 'id = ?' : 'store_hash = ? AND name = ?'}`,
		byId ? [ref.programId] : [ref.storeHash, ref.name],
	);
	const label = byId ? ref.programId : `${ref.storeHash}/${ref.name}`;
	if (!head || int(head.current_version) === 0) throw new ProgramNotFound(label);
	return yield* programAt(String(head.id), version ?? int(head.current_version));
}

export function* listProgramsOp(storeHash?: string): Op<Program[]> {
	const found = yield* rows(
		`SELECT ${PROGRAM_COLUMNS} FROM tajo_programs p JOIN tajo_program_versions v ON v.program_id = p.id AND v.version = p.current_version${storeHash === undefined ? '' : ' WHERE p.store_hash = ?'} ORDER BY p.store_hash, p.name`,
		storeHash === undefined ? [] : [storeHash],
	);
	return found.map(mapProgram);
}
