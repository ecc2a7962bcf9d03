/** A source of the current instant, passed in wherever a decision needs "now". */
export type Clock = () => Date;

/** The real wall clock; only entry points should use it. */
export const systemClock: Clock = () => new Date();
