/** A loyalty program at one version. The config is the rules engine's JSON; the store keeps it opaque. */
export interface Program {
	id: string;
	storeHash: string;
	/** Unique per store, e.g. `default`, `b2b_program`. */
	name: string;
	version: number;
	config: Record<string, unknown>;
	createdAt: string;
	/** When this version was written. */
	updatedAt: string;
}

export interface ProgramUpsert {
	storeHash: string;
	name: string;
	/** Already validated by the caller (the rules engine's schema); stored as JSON. */
	config: object;
}

export interface ProgramUpsertResult {
	program: Program;
	created: boolean;
	/** False when the config equals the current version's: no new version is written. */
	versionCreated: boolean;
}

export type ProgramRef = { programId: string } | { storeHash: string; name: string };
