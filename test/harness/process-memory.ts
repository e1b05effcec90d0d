import { readFileSync, readdirSync } from 'node:fs';

/** Peak resident memory of one n8n process and of the task runner(s) it started. */
export interface ProcessMemory {
	name: string;
	pid: number | undefined;
	/** VmHWM of the n8n process itself, in MiB (0 when it is gone). */
	peakMiB: number;
	/** VmHWM of its descendants (the JavaScript task runner), in MiB. */
	childrenPeakMiB: number;
}

/**
 * Reads Linux's high-water mark of resident memory (VmHWM in /proc/<pid>/status): the peak since the
 * process started, so one reading at the end of a run gives the run's peak without sampling.
 */
export function peakMemoryOfGroup(name: string, pid: number | undefined): ProcessMemory {
	if (pid === undefined) return { name, pid, peakMiB: 0, childrenPeakMiB: 0 };
	const children = descendants(pid);
	return {
		name,
		pid,
		peakMiB: peakMiB(pid),
		childrenPeakMiB: children.reduce((sum, child) => sum + peakMiB(child), 0),
	};
}

function peakMiB(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
		return match ? Math.round(Number(match[1]) / 1024) : 0;
	} catch {
		return 0;
	}
}

function descendants(pid: number): number[] {
	const found: number[] = [];
	const visit = (parent: number) => {
		let tasks: string[] = [];
		try {
			tasks = readdirSync(`/proc/${parent}/task`);
		} catch {
			return;
		}
		for (const task of tasks) {
			let children = '';
			try {
				children = readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8');
			} catch {
				continue;
			}
			for (const child of children.split(/\s+/).filter(Boolean).map(Number)) {
				found.push(child);
				visit(child);
			}
		}
	};
	visit(pid);
	return found;
}
