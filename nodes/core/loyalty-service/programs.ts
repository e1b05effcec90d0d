import type { TierRule } from '../ledger/entry-types';
import { ProgramNotFound } from '../ledger/errors';
import type { LedgerStore } from '../ledger/ledger-store';
import type { Program } from '../ledger/program-types';
import { listBonusActions } from '../loyalty/bonus';
import { LoyaltyInputError } from '../loyalty/loyalty-input-error';
import { parseProgramConfig, type ProgramConfig } from '../loyalty/program-config';
import { programForChannel } from '../loyalty/program-for-channel';
import { seedPrograms } from '../loyalty/seed-programs';
import { memberTier } from '../loyalty/tiers';

/** A program as stored (id, version) with its rules, validated. */
export interface ResolvedProgram {
	program: Program;
	config: ProgramConfig;
}

// Versions never change once written, so a parsed config is good for the life of the process.
const parsed = new Map<string, ProgramConfig>();
const PARSED_LIMIT = 500;

/** The rules of one stored program version (parsed once per process and version). */
export function configOf(program: { id: string; version: number; config: Record<string, unknown> }): ProgramConfig {
	const key = `${program.id}@${program.version}`;
	let config = parsed.get(key);
	if (!config) {
		config = parseProgramConfig(program.config);
		if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value as string);
		parsed.set(key, config);
	}
	return config;
}

/** The member's tier after a change: by lifetime points, at least the group's starting tier, under the program version in force. */
export const tierRule: TierRule = (lifetime, context) => memberTier(configOf(context.program), lifetime, context.member.customerGroup).tier.name;

function resolved(program: Program): ResolvedProgram {
	return { program, config: configOf(program) };
}

export type SeedProgramName = keyof typeof seedPrograms;

export interface SaveProgramResult extends ResolvedProgram {
	created: boolean;
	versionCreated: boolean;
}

/**
 * Validates a program config (JSON text or object; the seed's values fill what it leaves out)
 * and stores it as the program named by its `id`: a new program, a new version, or nothing when
 * the rules did not change. A storefront channel may be served by one program of a store only.
 */
export async function saveProgram(store: LedgerStore, storeHash: string, input: unknown): Promise<SaveProgramResult> {
	const config = parseProgramConfig(input);
	const others = (await store.listPrograms({ storeHash })).filter((p) => p.name !== config.id);
	for (const other of others) {
		const taken = configOf(other).channels.filter((channel) => config.channels.includes(channel));
		if (taken.length) {
			throw new LoyaltyInputError(
				'channels',
				`channel ${taken.join(', ')} is already served by program "${other.name}" of store ${storeHash}; each storefront channel belongs to one program. Remove it from one of the two.`,
			);
		}
	}
	const result = await store.upsertProgram({ storeHash, name: config.id, config });
	return { program: result.program, config: configOf(result.program), created: result.created, versionCreated: result.versionCreated };
}

/** The seed's ready-made programs (default, b2b_program, global_program). */
export function seedProgramConfig(name: SeedProgramName): ProgramConfig {
	const config = seedPrograms[name];
	if (!config) throw new LoyaltyInputError('seedProgram', `must be one of ${Object.keys(seedPrograms).join(', ')}`);
	return config;
}

export async function findProgram(store: LedgerStore, storeHash: string, name: string): Promise<ResolvedProgram> {
	return resolved(await store.getProgram({ storeHash, name }));
}

export async function listPrograms(store: LedgerStore, storeHash: string): Promise<ResolvedProgram[]> {
	return (await store.listPrograms({ storeHash })).map(resolved);
}

/** The program that serves a storefront channel (seed: 1 default, 2 b2b_program, 3 global_program). */
export async function programForStoreChannel(store: LedgerStore, storeHash: string, channelId: number | null | undefined): Promise<ResolvedProgram> {
	const programs = await listPrograms(store, storeHash);
	if (programs.length === 0) throw new ProgramNotFound(`for store ${storeHash} (no program exists yet)`);
	const config = programForChannel(
		programs.map((p) => p.config),
		channelId,
	);
	return programs.find((p) => p.config === config)!;
}

/** By name when one is given, otherwise by the item's storefront channel. */
export function chooseProgram(store: LedgerStore, choice: { storeHash: string; program?: string; channelId?: number | null }): Promise<ResolvedProgram> {
	return choice.program ? findProgram(store, choice.storeHash, choice.program) : programForStoreChannel(store, choice.storeHash, choice.channelId);
}

/** A program as the node shows it: rules, bonus actions and tiers at a glance. */
export function programView(p: ResolvedProgram): Record<string, unknown> {
	const { program, config } = p;
	return {
		program: program.name,
		programId: program.id,
		storeHash: program.storeHash,
		name: config.name,
		version: program.version,
		currency: config.currency,
		channels: config.channels,
		tiers: config.tiers.map((t) => ({ name: t.name, minPoints: t.minPoints, multiplier: t.multiplier, benefits: t.benefits })),
		bonusActions: listBonusActions(config),
		createdAt: program.createdAt,
		updatedAt: program.updatedAt,
		config,
	};
}
