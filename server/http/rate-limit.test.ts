/** The in-memory fixed-window rate limiter, on a clock the test controls. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

function limiterAt(limit: number, windowMs: number) {
  const clock = { t: 1_000_000 };
  const limiter = new RateLimiter({ limit, windowMs }, () => clock.t);
  return { limiter, clock };
}

describe('RateLimiter', () => {
  it('lets through exactly `limit` hits in one window and refuses the next', () => {
    const { limiter } = limiterAt(3, 60_000);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')]).toEqual([0, 0, 0]);
    expect(limiter.hit('a')).toBeGreaterThan(0);
    expect(limiter.hit('a')).toBeGreaterThan(0);
  });

  it('answers with the whole seconds left in the window, rounded up', () => {
    const { limiter, clock } = limiterAt(1, 60_000);
    limiter.hit('a');
    clock.t += 10_500;
    expect(limiter.hit('a')).toBe(50);
    clock.t += 49_000;
    expect(limiter.hit('a')).toBe(1);
  });

  it('never answers less than one second while refusing', () => {
    const { limiter, clock } = limiterAt(1, 1_000);
    limiter.hit('a');
    clock.t += 999;
    expect(limiter.hit('a')).toBe(1);
  });

  it('starts a fresh window once the old one has passed', () => {
    const { limiter, clock } = limiterAt(2, 60_000);
    limiter.hit('a');
    limiter.hit('a');
    expect(limiter.hit('a')).toBeGreaterThan(0);
    clock.t += 60_000;
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.hit('a')).toBeGreaterThan(0);
  });

  it('counts every key on its own', () => {
    const { limiter } = limiterAt(1, 60_000);
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.hit('a')).toBeGreaterThan(0);
    expect(limiter.hit('b')).toBe(0);
  });

  it('keeps counting a busy key after quiet keys were swept away', () => {
    const { limiter, clock } = limiterAt(2, 60_000);
    limiter.hit('quiet');
    clock.t += 30_000;
    limiter.hit('busy');
    clock.t += 30_000; // the quiet key's window has ended, the busy key's has not
    limiter.hit('busy');
    expect(limiter.hit('busy')).toBe(30);
    expect(limiter.hit('quiet')).toBe(0);
  });

  it('never lets more than `limit` hits through within any one window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1_000, max: 120_000 }),
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 200 }),
        (limit, windowMs, gaps) => {
          const { limiter, clock } = limiterAt(limit, windowMs);
          // A model of a fixed window: it opens at the first hit after the previous one closed.
          let windowStart: number | null = null;
          let allowed = 0;
          for (const gap of gaps) {
            clock.t += gap;
            if (windowStart === null || clock.t - windowStart >= windowMs) {
              windowStart = clock.t;
              allowed = 0;
            }
            const wait = limiter.hit('k');
            if (wait === 0) allowed += 1;
            else expect(wait).toBe(Math.max(1, Math.ceil((windowStart + windowMs - clock.t) / 1000)));
            expect(allowed).toBeLessThanOrEqual(limit);
          }
        },
      ),
    );
  });
});
