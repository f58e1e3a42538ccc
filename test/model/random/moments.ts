// Test helpers: sample moments and a tolerance of a stated number of standard errors.
import { expect } from 'vitest';

export function sampleMean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** Central moments 2 and 4 about the sample mean. */
function centralMoments(values: ArrayLike<number>): { variance: number; fourth: number } {
  const mean = sampleMean(values);
  let second = 0;
  let fourth = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - mean;
    second += d * d;
    fourth += d * d * d * d;
  }
  return { variance: second / (values.length - 1), fourth: fourth / values.length };
}

/**
 * Sample mean within 4 standard errors (sd / sqrt(n)) of the exact mean, and sample variance
 * within 4 standard errors of the exact variance, se(s^2) ~ sqrt((m4 - s^4) / n).
 */
export function expectMoments(values: ArrayLike<number>, mean: number, sd: number): void {
  const n = values.length;
  expect(Math.abs(sampleMean(values) - mean)).toBeLessThan((4 * sd) / Math.sqrt(n));
  const { variance, fourth } = centralMoments(values);
  const varianceError = Math.sqrt(Math.max(fourth - variance * variance, 0) / n);
  expect(Math.abs(variance - sd * sd)).toBeLessThan(4 * varianceError + 1e-12);
}
