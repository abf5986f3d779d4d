import { Injectable } from '@nestjs/common';

/** The one source of "now" for use cases; tests provide a clock they can move. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * The real clock moved to start at `start` (`CLOCK_START`, tests only): time runs on from there, so the
 * suite can be run as if on another day (a month's end, a leap day, a clock change).
 */
export class ShiftedClock extends Clock {
  private readonly offsetMs: number;

  constructor(start: Date) {
    super();
    this.offsetMs = start.getTime() - Date.now();
  }

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** The real clock, or for tests one moved to `CLOCK_START`. */
export function clockOf(config: { clockStart?: string }): Clock {
  return config.clockStart ? new ShiftedClock(new Date(config.clockStart)) : new Clock();
}

export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.current);
  }

  set(to: Date): void {
    this.current = new Date(to);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
