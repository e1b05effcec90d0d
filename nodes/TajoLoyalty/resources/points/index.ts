import type { OperationMap } from '../../shared/types';
import { adjust } from './adjust';
import { awardBonus } from './awardBonus';
import { awardForOrder } from './awardForOrder';
import { calculate } from './calculate';
import { history } from './history';
import { redeem } from './redeem';
import { reverse } from './reverse';

export { pointsDescription } from './description';
export const pointsOperations: OperationMap = { calculate, awardForOrder, awardBonus, redeem, reverse, adjust, history };
