import type { OperationMap } from '../../shared/types';
import { claim } from './claim';
import { getDue } from './getDue';
import { markSent } from './markSent';
import { pruneSent } from './pruneSent';
import { release } from './release';
import { schedule } from './schedule';

export { messageDescription } from './description';
export const messageOperations: OperationMap = { claim, markSent, release, schedule, getDue, pruneSent };
