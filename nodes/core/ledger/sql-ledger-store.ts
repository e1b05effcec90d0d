import { checkCartOp, endSequenceOp, eraseCartsOp, markConvertedOp, recordMessageOp, trackCartOp, validateCartEvent } from '../carts/cart-ops';
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
import type { LedgerStore } from './ledger-store';
import type { EraseResult, Member, MemberFilter, MemberRef, MemberUpsert, MemberUpsertResult, Page } from './member-types';
import { schemaVersion } from './migrations/migrate';
import { analyticsOp } from './ops/analytics-op';
import { awardBonusOp, awardForOrderOp } from './ops/award-ops';
import { consistencyOp } from './ops/consistency-op';
import type { OpContext } from './ops/context';
import { expireMemberOp, expiryCandidatesOp, releaseDueOp } from './ops/expiry-ops';
import { historyOp } from './ops/history-op';
import { eraseMemberOp, listMembersOp, upsertMemberOp, validateMemberUpsert } from './ops/member-ops';
import { MemberHints } from './ops/member-hints';
import { readMember } from './ops/member-rows';
import { getProgramOp, listProgramsOp, upsertProgramOp, validateProgramUpsert } from './ops/program-ops';
import { reverseOp } from './ops/reverse-op';
import { listDueSendsOp, validateDueQuery } from './ops/due-sends-op';
import { PRUNE_CHUNK, pruneSentOp, scheduleSendOp, validatePrune, validateSchedule } from './ops/scheduled-send-ops';
import { claimSendOp, markSentOp, releaseSendOp, validateClaim, validateMarkSent, validateRelease } from './ops/send-ops';
import { adjustOp, redeemOp } from './ops/spend-ops';
import { OneTripMissed, OrderAwardedUnderAnotherKey } from './ops/write-signals';
import { idempotencyKey, pageLimit, requireInt, requireText } from './ops/validate';
import type { Program, ProgramRef, ProgramUpsert, ProgramUpsertResult } from './program-types';
import type { SqlDriver } from './sql/sql-driver';
import type { Op } from './sql/statement';
import type { AnalyticsQuery, ConsistencyReport, LoyaltyAnalytics } from './report-types';
import type { DueSendsPage, DueSendsQuery, PruneScheduledResult, ScheduleSendInput, ScheduleSendResult } from './scheduled-send-types';
import type { ClaimSendInput, ClaimSendResult, MarkSentInput, MarkSentResult, ReleaseSendInput, ReleaseSendResult } from './send-types';

/** The LedgerStore on either engine: each method is one operation in one transaction of the driver. */
export class SqlLedgerStore implements LedgerStore {
	constructor(
		private readonly driver: SqlDriver,
		private readonly clock: () => Date,
	) {
		// Round trips are what PostgreSQL writes cost; SQLite has none to save.
		this.memberHints = driver.dialect.name === 'postgres' ? new MemberHints() : undefined;
	}

	get engine(): 'sqlite' | 'postgres' {
		return this.driver.dialect.name;
	}

	// Methods are async so that invalid input comes back as a rejected promise, like every other error.
	// The clock is read per attempt: a retried transaction records the time it really committed.
	private write<T>(op: (ctx: OpContext) => Op<T>, options: { oneTrip?: boolean } = {}): Promise<T> {
		return this.driver.write(() => op(this.context(options.oneTrip)));
	}

	private read<T>(op: (ctx: OpContext) => Op<T>): Promise<T> {
		return this.driver.read(() => op(this.context()));
	}

	/**
	 * A points write: first in one round trip where this process has seen the member before
	 * (PostgreSQL, see ops/one-trip-write.ts), else — or when the member's state moved since — on
	 * the two-trip path that locks and reads first.
	 */
	private async pointsWrite<T>(op: (ctx: OpContext) => Op<T>): Promise<T> {
		if (!this.memberHints) return this.write(op);
		try {
			return await this.write(op, { oneTrip: true });
		} catch (error) {
			if (!(error instanceof OneTripMissed)) throw error;
		}
		return this.write(op);
	}

	private readonly programConfigs = new Map<string, Record<string, unknown>>();
	private readonly memberHints: MemberHints | undefined;

	private context(oneTrip = false): OpContext {
		return { dialect: this.driver.dialect, now: this.clock().toISOString(), programConfigs: this.programConfigs, memberHints: this.memberHints, oneTrip };
	}

	async upsertProgram(input: ProgramUpsert): Promise<ProgramUpsertResult> {
		const valid = validateProgramUpsert(input);
		return this.write((ctx) => upsertProgramOp(ctx, valid));
	}

	async getProgram(ref: ProgramRef, version?: number): Promise<Program> {
		return this.read(() => getProgramOp(ref, version));
	}

	async listPrograms(filter: { storeHash?: string } = {}): Promise<Program[]> {
		return this.read(() => listProgramsOp(filter.storeHash));
	}

	async upsertMember(input: MemberUpsert): Promise<MemberUpsertResult> {
		const valid = validateMemberUpsert(input);
		return this.write((ctx) => upsertMemberOp(ctx, valid));
	}

	async getMember(programId: string, member: MemberRef): Promise<Member> {
		return this.read((ctx) => readMember(ctx, programId, member));
	}

	async listMembers(filter: MemberFilter): Promise<Page<Member>> {
		return this.read((ctx) => listMembersOp(ctx, filter));
	}

	async eraseMember(programId: string, member: MemberRef): Promise<EraseResult> {
		return this.write(function* (ctx) {
			const erased = yield* eraseMemberOp(ctx, programId, member);
			const cartsErased = erased.alreadyErased ? 0 : yield* eraseCartsOp(ctx, erased.member.storeHash, erased.customerId, erased.email);
			return { member: erased.member, alreadyErased: erased.alreadyErased, cartsErased };
		});
	}

	async awardForOrder(input: AwardForOrderInput): Promise<PointsResult> {
		idempotencyKey(input.idempotencyKey);
		try {
			return await this.pointsWrite((ctx) => awardForOrderOp(ctx, input, { checkPriorOrder: false }));
		} catch (error) {
			if (!(error instanceof OrderAwardedUnderAnotherKey)) throw error;
		}
		return this.write((ctx) => awardForOrderOp(ctx, input, { checkPriorOrder: true }));
	}

	async awardBonus(input: AwardBonusInput): Promise<PointsResult> {
		idempotencyKey(input.idempotencyKey);
		return this.pointsWrite((ctx) => awardBonusOp(ctx, input));
	}

	async redeem(input: RedeemInput): Promise<PointsResult> {
		idempotencyKey(input.idempotencyKey);
		return this.pointsWrite((ctx) => redeemOp(ctx, input));
	}

	async reverse(input: ReverseInput): Promise<ReverseResult | NotAwarded> {
		idempotencyKey(input.idempotencyKey);
		return this.write((ctx) => reverseOp(ctx, input));
	}

	async adjust(input: AdjustInput): Promise<PointsResult> {
		idempotencyKey(input.idempotencyKey);
		return this.pointsWrite((ctx) => adjustOp(ctx, input));
	}

	async history(query: HistoryQuery): Promise<Page<LedgerEntry>> {
		return this.read((ctx) => historyOp(ctx, query));
	}

	async releaseDuePoints(programId?: string): Promise<{ released: number }> {
		return this.write(function* (ctx) {
			return { released: yield* releaseDueOp(ctx, programId) };
		});
	}

	/** One transaction per member, so a long run never holds the database for long. */
	async expireInactive(input: ExpireInput): Promise<ExpiryResult> {
		const programId = requireText('programId', input.programId, 100);
		const days = requireInt('inactiveDays', input.inactiveDays, { min: 1, max: 36500 });
		const limit = pageLimit(input.limit, 1000);
		const candidates = await this.read((ctx) => expiryCandidatesOp(ctx, programId, days, limit));
		const expired: ExpiryResult['expired'] = [];
		for (const memberId of candidates) {
			const done = await this.write((ctx) => expireMemberOp(ctx, programId, memberId, days));
			if (done) expired.push(done);
		}
		return { expired, totalPoints: expired.reduce((sum, e) => sum + e.points, 0), more: candidates.length === limit };
	}

	async checkConsistency(input: { programId?: string; repair?: boolean } = {}): Promise<ConsistencyReport> {
		const op = (ctx: OpContext) => consistencyOp(ctx, input.programId, input.repair === true);
		return input.repair ? this.write(op) : this.read(op);
	}

	async trackCart(input: TrackCartInput): Promise<TrackCartResult> {
		return this.write((ctx) => trackCartOp(ctx, validateCartEvent(input, ctx.now)));
	}

	async checkCart(storeHash: string, cartId: string, generation: number, options: CartCheckOptions = {}): Promise<CartCheckResult> {
		const result = await this.read(() => checkCartOp(storeHash, cartId, generation));
		if (result.proceed && result.cart && options.isUnsubscribed && (await options.isUnsubscribed(result.cart))) {
			return { ...result, proceed: false, reason: 'unsubscribed' };
		}
		return result;
	}

	async markCartConverted(input: MarkConvertedInput): Promise<MarkConvertedResult> {
		return this.write((ctx) => markConvertedOp(ctx, input));
	}

	async recordCartMessageSent(input: RecordMessageInput): Promise<RecordMessageResult> {
		return this.write((ctx) => recordMessageOp(ctx, input));
	}

	async endCartSequence(input: EndSequenceInput): Promise<{ ended: boolean }> {
		return this.write((ctx) => endSequenceOp(ctx, input));
	}

	async claimSend(input: ClaimSendInput): Promise<ClaimSendResult> {
		const valid = validateClaim(input);
		return this.write((ctx) => claimSendOp(ctx, valid));
	}

	async markSent(input: MarkSentInput): Promise<MarkSentResult> {
		const valid = validateMarkSent(input);
		return this.write((ctx) => markSentOp(ctx, valid));
	}

	async releaseSend(input: ReleaseSendInput): Promise<ReleaseSendResult> {
		const valid = validateRelease(input);
		return this.write((ctx) => releaseSendOp(ctx, valid));
	}

	async scheduleSend(input: ScheduleSendInput): Promise<ScheduleSendResult> {
		const valid = validateSchedule(input);
		return this.write((ctx) => scheduleSendOp(ctx, valid));
	}

	async listDueSends(query: DueSendsQuery): Promise<DueSendsPage> {
		const valid = validateDueQuery(query);
		return this.read((ctx) => listDueSendsOp(ctx, valid));
	}

	/** One transaction per chunk, as expireInactive: a first prune of a store with years of orders never holds the database for long. */
	async pruneScheduledSends(storeHash: string, before: string): Promise<PruneScheduledResult> {
		const valid = validatePrune(storeHash, before);
		let deleted = 0;
		for (;;) {
			const chunk = await this.write(() => pruneSentOp(valid, PRUNE_CHUNK));
			deleted += chunk;
			if (chunk < PRUNE_CHUNK) return { deleted };
		}
	}

	async analytics(query: AnalyticsQuery): Promise<LoyaltyAnalytics> {
		return this.read((ctx) => analyticsOp(ctx, query));
	}

	async schemaVersion(): Promise<number> {
		return schemaVersion(this.driver);
	}

	async close(): Promise<void> {
		return this.driver.close();
	}
}
