import { AppError, ConflictError, NotFoundError, ValidationError } from '../../http/errors';

export const bookingNotFound = () => new NotFoundError('BOOKING_NOT_FOUND', '没有找到这个预约');
export const slotTaken = () => new ConflictError('BOOKING_SLOT_TAKEN', '这个时段刚刚被别人约走了，请换一个时间');
export const slotUnavailable = (why = '这个时段现在不能预约，请换一个时间') => new ConflictError('BOOKING_SLOT_UNAVAILABLE', why);
export const limitReached = (n: number) => new ConflictError('BOOKING_LIMIT_REACHED', `你已经有 ${n} 个待进行的预约了，完成或取消一个后再预约吧`);
export const overlap = () => new ConflictError('BOOKING_OVERLAP', '你在这个时间已经有一个预约了');
export const invalidTransition = () => new ConflictError('BOOKING_INVALID_TRANSITION', '预约当前的状态不能进行这个操作');
export const stateChanged = () => new ConflictError('BOOKING_STATE_CHANGED', '预约刚刚被更新了，请刷新后再试');
export const inProgress = () => new ConflictError('BOOKING_IN_PROGRESS', '预约正在提交中，请稍候再看');
export const cancelWindowPassed = (hours: number, phone: string) =>
  new ConflictError('BOOKING_CANCEL_WINDOW_PASSED', `距离开始已不足 ${hours} 小时，线上不能再取消或改期${phone ? `，请致电站点 ${phone}` : '，请直接联系站点'}`);
export { idempotencyKeyRequired } from '../../http/idempotency';
export const notStarted = () => new ConflictError('BOOKING_NOT_STARTED', '预约还没开始，不能标记为未到');
export const badInput = (path: string, message: string) => new ValidationError([{ in: 'body', path, message }]);
