import type { OperationMap } from '../../shared/types';
import { claim } from './claim';
import { markSent } from './markSent';
import { release } from './release';

export { messageDescription } from './description';
export const messageOperations: OperationMap = { claim, markSent, release };
