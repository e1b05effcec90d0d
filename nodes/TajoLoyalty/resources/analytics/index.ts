import type { OperationMap } from '../../shared/types';
import { getDashboard } from './getDashboard';

export { analyticsDescription } from './description';
export const analyticsOperations: OperationMap = { getDashboard };
