// What `npm run demo` prints after the store day: members per tier (the store as it stands), and
// what the day itself did — points awarded and taken back, what Brevo received, carts recovered.
// Pure: observe-day.ts gathers the observations, this turns them into figures and text.

export interface DayObservations {
	/** When the day started (ISO): ledger entries and carts from then on are the day's. */
	since: string;
	/** Tier names in the program's order, lowest first; tiers not listed follow, by name. */
	tierOrder: string[];
	/** Every member of the store's programs, erased ones left out. */
	members: Array<{ tier: string | null }>;
	/** Ledger entries of every member (older ones are left out by `since`). */
	entries: Array<{ kind: string; points: number; createdAt: string }>;
	/** What Brevo received; only records with a seq above `brevoCheckpoint` are the day's. */
	brevoCheckpoint: number;
	events: Array<{ seq: number; event_name: string }>;
	emails: Array<{ seq: number; blockedRecipients: string[] }>;
	sms: Array<{ seq: number; blocked: boolean }>;
	/** Tracked carts of the store. */
	carts: Array<{ status: string; sequenceStartedAt: string | null; messagesSent: unknown[] }>;
}

export interface DaySummary {
	membersPerTier: Array<{ tier: string; count: number }>;
	points: { awarded: number; purchases: number; bonuses: number; reversed: number };
	brevo: { events: Array<{ name: string; count: number }>; emails: number; emailsToUnsubscribed: number; sms: number };
	carts: { reminded: number; recovered: number };
}

const NO_TIER = '(no tier)';

export function summarizeDay(o: DayObservations): DaySummary {
	const since = Date.parse(o.since);
	if (Number.isNaN(since)) throw new Error(`summarizeDay: "since" is not a date: ${o.since}`);
	const ofTheDay = o.entries.filter((e) => Date.parse(e.createdAt) >= since);
	const sum = (kinds: string[]) => ofTheDay.filter((e) => kinds.includes(e.kind)).reduce((total, e) => total + e.points, 0);
	const purchases = sum(['purchase']);
	const bonuses = sum(['bonus']);
	const fresh = <T extends { seq: number }>(records: T[]) => records.filter((r) => r.seq > o.brevoCheckpoint);
	const emails = fresh(o.emails);
	// A cart is the day's when its recovery sequence started during the day.
	const reminded = o.carts.filter((c) => c.sequenceStartedAt !== null && Date.parse(c.sequenceStartedAt) >= since && c.messagesSent.length > 0);
	return {
		membersPerTier: countBy(o.members.map((m) => m.tier ?? NO_TIER), tierRank(o.tierOrder)).map(([tier, count]) => ({ tier, count })),
		points: { awarded: purchases + bonuses, purchases, bonuses, reversed: -sum(['reversal']) },
		brevo: {
			events: countBy(fresh(o.events).map((e) => e.event_name), (a, b) => a.localeCompare(b)).map(([name, count]) => ({ name, count })),
			emails: emails.length,
			emailsToUnsubscribed: emails.filter((e) => e.blockedRecipients.length > 0).length,
			sms: fresh(o.sms).length,
		},
		carts: { reminded: reminded.length, recovered: reminded.filter((c) => c.status === 'converted').length },
	};
}

function tierRank(order: string[]): (a: string, b: string) => number {
	const rank = (tier: string) => (order.includes(tier) ? order.indexOf(tier) : order.length);
	return (a, b) => rank(a) - rank(b) || a.localeCompare(b);
}

function countBy(values: string[], compare: (a: string, b: string) => number): Array<[string, number]> {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts.entries()].sort(([a], [b]) => compare(a, b));
}

const number = (n: number) => n.toLocaleString('en-US');
const list = (items: Array<{ label: string; count: number }>) => (items.length ? items.map((i) => `${i.label} ${number(i.count)}`).join(' · ') : 'none');

/** The summary as the demo prints it. */
export function formatSummary(s: DaySummary): string {
	const plural = (n: number, one: string, many: string) => `${number(n)} ${n === 1 ? one : many}`;
	return [
		'The store day, summed up',
		`  Members per tier   ${list(s.membersPerTier.map((t) => ({ label: t.tier, count: t.count })))}`,
		`  Points             ${number(s.points.awarded)} awarded (${number(s.points.purchases)} for orders, ${number(s.points.bonuses)} in bonuses) · ${number(s.points.reversed)} taken back on refunds`,
		`  Brevo events       ${list(s.brevo.events.map((e) => ({ label: e.name, count: e.count })))}`,
		`  Messages           ${plural(s.brevo.emails, 'email', 'emails')}${s.brevo.emailsToUnsubscribed ? ` (${number(s.brevo.emailsToUnsubscribed)} to unsubscribed contacts, not delivered)` : ''} · ${plural(s.brevo.sms, 'SMS', 'SMS')}`,
		`  Abandoned carts    ${plural(s.carts.reminded, 'cart', 'carts')} reminded · ${number(s.carts.recovered)} recovered (bought after a reminder)`,
	].join('\n');
}
