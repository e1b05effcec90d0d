import type {
	CartCheckOptions,
	CartCheckResult,
	EndSequenceInput,
	MarkConvertedInput,
	MarkConvertedResult,
	RecordMessageInput,
	RecordMessageResult,
	TrackCartInput,
	TrackCartResult,
} from '../carts/cart-types';
import type {
	AdjustInput,
	AwardBonusInput,
	AwardForOrderInput,
	ExpireInput,
	ExpiryResult,
	HistoryQuery,
	LedgerEntry,
	NotAwarded,
	PointsResult,
	RedeemInput,
	ReverseInput,
	ReverseResult,
} from './entry-types';
import type { EraseResult, Member, MemberFilter, MemberRef, MemberUpsert, MemberUpsertResult, Page } from './member-types';
import type { Program, ProgramRef, ProgramUpsert, ProgramUpsertResult } from './program-types';
import type { AnalyticsQuery, ConsistencyReport, LoyaltyAnalytics } from './report-types';
import type { DueSendsPage, DueSendsQuery, PruneScheduledResult, ScheduleSendInput, ScheduleSendResult } from './scheduled-send-types';
import type { ClaimSendInput, ClaimSendResult, MarkSentInput, MarkSentResult, ReleaseSendInput, ReleaseSendResult } from './send-types';

/**
 * The loyalty ledger: programs, members, points, tracked carts, the send-once log and analytics, on SQLite or
 * PostgreSQL. Every write is one database transaction; writes for a member are serialised by
 * the database (SQLite's write lock, PostgreSQL's row lock on the member), and every points
 * write carries an idempotency key that is unique in the database, so duplicates and concurrent
 * repeats from any number of processes give exactly one entry.
 *
 * The store holds no loyalty rules: callers pass computed points (or a synchronous, pure
 * `compute` callback that runs after the member is locked) and, optionally, a tier rule.
 */
export interface LedgerStore {
	readonly engine: 'sqlite' | 'postgres';

	/** Creates the program or, when the config differs from its current one, a new version. */
	upsertProgram(input: ProgramUpsert): Promise<ProgramUpsertResult>;
	/** The current version, or the given one. Throws ProgramNotFound. */
	getProgram(ref: ProgramRef, version?: number): Promise<Program>;
	listPrograms(filter?: { storeHash?: string }): Promise<Program[]>;

	upsertMember(input: MemberUpsert): Promise<MemberUpsertResult>;
	/** Throws MemberNotFound / ProgramNotFound. */
	getMember(programId: string, member: MemberRef): Promise<Member>;
	listMembers(filter: MemberFilter): Promise<Page<Member>>;
	/** Removes email, names, phone and birthday (also from the member's tracked carts); the ledger stays. */
	eraseMember(programId: string, member: MemberRef): Promise<EraseResult>;

	/** Idempotent per key and per order; updates the member's order stats once. */
	awardForOrder(input: AwardForOrderInput): Promise<PointsResult>;
	/** Idempotent per key (the bonus's natural key). */
	awardBonus(input: AwardBonusInput): Promise<PointsResult>;
	/** Idempotent per key. Throws InsufficientPoints (nothing changed) when more than available. */
	redeem(input: RedeemInput): Promise<PointsResult>;
	/** Idempotent per key; all reversals of an order together never exceed its grant. */
	reverse(input: ReverseInput): Promise<ReverseResult | NotAwarded>;
	/** Manual change; reason required. */
	adjust(input: AdjustInput): Promise<PointsResult>;
	/** Newest first. */
	history(query: HistoryQuery): Promise<Page<LedgerEntry>>;
	/** Marks entries whose pending period has passed as available (balances never depend on it). */
	releaseDuePoints(programId?: string): Promise<{ released: number }>;
	/** Writes one expiry entry per inactive member with available points; idempotent. */
	expireInactive(input: ExpireInput): Promise<ExpiryResult>;
	/** Recomputes balances and order figures from the entries and reports (optionally repairs) cached values that differ. */
	checkConsistency(input?: { programId?: string; repair?: boolean }): Promise<ConsistencyReport>;

	/** Upserts a cart from a cart event; says whether a recovery sequence should start (only an abandonment starts one). */
	trackCart(input: TrackCartInput): Promise<TrackCartResult>;
	/** Before each message: may the sequence with this generation go on? */
	checkCart(storeHash: string, cartId: string, generation: number, options?: CartCheckOptions): Promise<CartCheckResult>;
	markCartConverted(input: MarkConvertedInput): Promise<MarkConvertedResult>;
	/** Idempotent per (cart, generation, step). */
	recordCartMessageSent(input: RecordMessageInput): Promise<RecordMessageResult>;
	/** The sequence with this generation is over; a later abandonment of the cart may start a new one. */
	endCartSequence(input: EndSequenceInput): Promise<{ ended: boolean }>;

	/**
	 * Send-once log (send-types.ts). Claims the send for a lease: granted to exactly one of any
	 * number of concurrent claimers, across processes; a send is free again once released or its
	 * lease has run out, never once it is marked sent.
	 */
	claimSend(input: ClaimSendInput): Promise<ClaimSendResult>;
	/** The send went out: it is never claimed again. Idempotent; works without a claim too. */
	markSent(input: MarkSentInput): Promise<MarkSentResult>;
	/** Gives up a claim (the send failed), so that a retry can claim it at once. */
	releaseSend(input: ReleaseSendInput): Promise<ReleaseSendResult>;
	/**
	 * Scheduled messages (scheduled-send-types.ts): records a send due later, so that a later run
	 * can send it when the execution meant to is lost. The first schedule of a key stands.
	 */
	scheduleSend(input: ScheduleSendInput): Promise<ScheduleSendResult>;
	/** Scheduled sends that are due and that a claim would win now (not sent, not held under a live lease); by due time. */
	listDueSends(query: DueSendsQuery): Promise<DueSendsPage>;
	/**
	 * Maintenance: deletes the store's scheduled sends that the send-once log has as sent and that
	 * were due before `before`, so the table holds what may still be sent plus a recent window, not
	 * every message ever scheduled. The send-log rows stay (a key is still sent once). In
	 * transactions of at most a thousand rows.
	 */
	pruneScheduledSends(storeHash: string, before: string): Promise<PruneScheduledResult>;

	analytics(query: AnalyticsQuery): Promise<LoyaltyAnalytics>;

	schemaVersion(): Promise<number>;
	close(): Promise<void>;
}
