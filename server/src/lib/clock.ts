/** The source of "now"; tests pass a fixed or movable clock through buildApp. */
export interface Clock {
  now: () => Date;
}

export const systemClock: Clock = { now: () => new Date() };
