import { Injectable } from '@nestjs/common';
import { TooManyRequestsError } from '../common/errors';
import { RateLimitRepository } from './rate-limit.repository';

export interface RateLimitRule {
  /** What is being limited, in words for the message: "sign-in attempts for this account". */
  what: string;
  limit: number;
  windowSeconds: number;
}

/** The limits on sign-in (docs/security.md). Counted per account / phone and per IP address. */
export const RATE_LIMITS = {
  loginFailuresPerAccount: { what: 'failed sign-in attempts for this account', limit: 5, windowSeconds: 15 * 60 },
  loginFailuresPerIp: { what: 'failed sign-in attempts from your network', limit: 50, windowSeconds: 15 * 60 },
  codeRequestsPerPhone: { what: 'code requests for this phone number', limit: 5, windowSeconds: 60 * 60 },
  codeRequestsPerIp: { what: 'code requests from your network', limit: 30, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

function inWords(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

@Injectable()
export class RateLimiterService {
  constructor(private readonly repository: RateLimitRepository) {}

  /** Refuses (429) when the bucket is already full, without counting this request. */
  async check(key: string, rule: RateLimitRule): Promise<void> {
    const state = await this.repository.peek({ key, windowSeconds: rule.windowSeconds });
    if (state.count >= rule.limit) throw this.refusal(rule, state.resetsInSeconds);
  }

  /** Counts one request and refuses (429) when it goes over the limit. */
  async consume(key: string, rule: RateLimitRule): Promise<void> {
    const state = await this.repository.hit({ key, windowSeconds: rule.windowSeconds });
    if (Math.random() < 0.01) void this.repository.purgeOld().catch(() => undefined);
    if (state.count > rule.limit) throw this.refusal(rule, state.resetsInSeconds);
  }

  /** Counts one failure; the next check refuses once the limit is reached. */
  async recordFailure(key: string, rule: RateLimitRule): Promise<void> {
    await this.repository.hit({ key, windowSeconds: rule.windowSeconds });
  }

  reset(key: string): Promise<void> {
    return this.repository.reset(key);
  }

  private refusal(rule: RateLimitRule, retryAfterSeconds: number): TooManyRequestsError {
    return new TooManyRequestsError(`Too many ${rule.what}. Please try again in ${inWords(retryAfterSeconds)}.`, retryAfterSeconds);
  }
}
