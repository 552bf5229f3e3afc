import { Inject, Injectable } from '@nestjs/common';
import { randomInt, timingSafeEqual } from 'node:crypto';
import { auditActorOf, AuditService } from '../audit/audit.service';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { runAsTenant } from '../database/tenant-context';
import { ConflictError, ForbiddenError, UnauthenticatedError, ValidationError } from '../common/errors';
import { MESSAGE_SENDER, type MessageSender } from '../messaging/message-sender';
import { maskPhone } from '../privacy/masking';
import { isMobilePhone, normalisePhone } from '../privacy/normalise';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { AuthRepository, type PersonAccount } from './auth.repository';
import type { Me } from './me';
import { verifyPassword } from './password';
import { isCompanyWide, type Principal, rolesInEstate, visibleEstateIds } from './principal';
import { RATE_LIMITS, RateLimiterService } from './rate-limiter.service';
import { newSecretToken, sha256Hex } from './secrets';
import { SessionRepository } from './session.repository';

export const CODE_TTL_SECONDS = 5 * 60;
export const CODE_MAX_ATTEMPTS = 5;

/** A new session: the token goes into the cookie, only its hash into the database. */
export interface NewSession {
  token: string;
  expiresAt: Date;
  me: Me;
}

const WRONG_CREDENTIALS = 'The email or password is not right. Check them and try again.';
const WRONG_CODE = 'The code is not right or has expired. Check the text message, or ask for a new code.';

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly sessions: SessionRepository,
    private readonly limiter: RateLimiterService,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    @Inject(MESSAGE_SENDER) private readonly sender: MessageSender,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async staffLogin(input: { email: string; password: string; ip: string }): Promise<NewSession> {
    const email = input.email.trim().toLowerCase();
    const accountKey = `login:email:${sha256Hex(email)}`;
    const ipKey = `login:ip:${input.ip}`;
    await this.limiter.check(accountKey, RATE_LIMITS.loginFailuresPerAccount);
    await this.limiter.check(ipKey, RATE_LIMITS.loginFailuresPerIp);

    const staff = await this.repository.findStaffByEmail(email);
    const passwordOk = await verifyPassword({ passwordHash: staff?.passwordHash ?? null, password: input.password });
    if (!staff || !staff.active || !passwordOk) {
      await this.limiter.recordFailure(accountKey, RATE_LIMITS.loginFailuresPerAccount);
      await this.limiter.recordFailure(ipKey, RATE_LIMITS.loginFailuresPerIp);
      await this.audit.record({
        actor: { kind: 'staff', id: staff?.id ?? null, companyId: staff?.companyId ?? null },
        action: 'auth.login_failed',
        detail: { method: 'password', reason: !staff ? 'unknown_email' : !staff.active ? 'inactive' : 'wrong_password' },
        ip: input.ip,
      });
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    await this.limiter.reset(accountKey);
    return this.openSession({ companyId: staff.companyId, subject: { kind: 'staff', staffUserId: staff.id }, ip: input.ip });
  }

  /** Sends a code when the phone belongs to someone; answers the same either way. */
  async requestOwnerCode(input: { phone: string; ip: string }): Promise<{ sent: true; expiresInSeconds: number }> {
    const phone = this.mobilePhone(input.phone);
    const phoneIndexes = this.cipher.blindIndexCandidates('phone', phone);
    await this.limiter.consume(`code:ip:${input.ip}`, RATE_LIMITS.codeRequestsPerIp);
    await this.limiter.consume(`code:phone:${this.cipher.blindIndex('phone', phone)}`, RATE_LIMITS.codeRequestsPerPhone);

    const people = await this.repository.peopleByPhoneIndex(phoneIndexes);
    if (people.length > 0) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const phoneIndex = this.cipher.blindIndex('phone', phone);
      await this.repository.createCode({
        phoneIndex,
        codeHash: this.codeHash(phoneIndex, code),
        expiresAt: new Date(Date.now() + CODE_TTL_SECONDS * 1000),
      });
      await this.sender.send({
        channel: 'sms',
        to: phone,
        code,
        text: `【EstateFlow】您的登录验证码是 ${code}，${CODE_TTL_SECONDS / 60} 分钟内有效。请勿告诉他人。`,
      });
    }
    return { sent: true, expiresInSeconds: CODE_TTL_SECONDS };
  }

  async ownerLogin(input: { phone: string; code: string; companyCode?: string; ip: string }): Promise<NewSession> {
    const phone = this.mobilePhone(input.phone);
    const ipKey = `login:ip:${input.ip}`;
    await this.limiter.check(ipKey, RATE_LIMITS.loginFailuresPerIp);
    const phoneIndexes = this.cipher.blindIndexCandidates('phone', phone);
    const people = await this.repository.peopleByPhoneIndex(phoneIndexes);
    const attempt = people.length > 0 ? await this.repository.takeCodeAttempt({ phoneIndexes, maxAttempts: CODE_MAX_ATTEMPTS }) : null;
    const matches = attempt !== null && safeEqual(attempt.codeHash, this.codeHash(this.cipher.blindIndex('phone', phone), input.code));
    if (!attempt || !matches) {
      await this.limiter.recordFailure(ipKey, RATE_LIMITS.loginFailuresPerIp);
      const first = people[0];
      await this.audit.record({
        actor: { kind: 'person', id: first?.id ?? null, companyId: first?.companyId ?? null },
        action: 'auth.login_failed',
        detail: { method: 'code', reason: people.length === 0 ? 'unknown_phone' : attempt === null ? 'no_live_code' : 'wrong_code' },
        ip: input.ip,
      });
      const usedUp = attempt !== null && attempt.attempts >= CODE_MAX_ATTEMPTS;
      throw new UnauthenticatedError(usedUp ? 'The code was entered wrongly too many times. Please ask for a new code.' : WRONG_CODE);
    }
    const person = this.choosePerson(people, input.companyCode);
    if (!(await this.repository.consumeCode(attempt.id))) throw new UnauthenticatedError(WRONG_CODE);
    return this.openSession({ companyId: person.companyId, subject: { kind: 'person', personId: person.id }, ip: input.ip });
  }

  /** Ends the session behind this cookie token (if any is live). */
  async logout(input: { token: string | null; ip: string }): Promise<void> {
    if (input.token === null) return;
    const session = await this.sessions.revoke(sha256Hex(input.token));
    if (!session) return;
    await this.audit.record({
      actor: { kind: session.kind === 'person' ? 'person' : 'staff', id: session.subjectId, companyId: session.companyId },
      action: 'auth.logout',
      ip: input.ip,
    });
  }

  async logoutEverywhere(input: { principal: Principal; ip: string }): Promise<void> {
    const { principal } = input;
    if (principal.kind === 'api_token')
      throw new ForbiddenError('An API token has no sessions. Revoke the token itself with DELETE /api/auth/tokens/{id}.');
    const count = await this.sessions.revokeAll(
      principal.kind === 'staff' ? { kind: 'staff', staffUserId: principal.userId } : { kind: 'person', personId: principal.personId },
    );
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'auth.logout_everywhere',
      detail: { sessions: count },
      ip: input.ip,
    });
  }

  async me(principal: Principal): Promise<Me> {
    switch (principal.kind) {
      case 'staff':
      case 'api_token':
        return this.staffMe(principal);
      case 'person':
        return this.personMe(principal);
    }
  }

  private async staffMe(principal: Extract<Principal, { kind: 'staff' | 'api_token' }>): Promise<Me> {
    const profile = await this.repository.staffProfile({ userId: principal.userId, companyId: principal.companyId });
    if (!profile) throw new UnauthenticatedError('Your account no longer exists. Please sign in again.');
    const estates = await this.repository.estates({ companyId: principal.companyId, ids: visibleEstateIds(principal) });
    const companyRoles = isCompanyWide(principal)
      ? [...new Set(principal.roles.filter((role) => role.estateId === null).map((role) => role.role))]
      : [];
    return {
      kind: 'staff',
      id: profile.id,
      name: profile.name,
      email: profile.email,
      locale: profile.locale,
      company: profile.company,
      estates: estates.map((estate) => ({ ...estate, roles: [...new Set(rolesInEstate(principal, estate.id))] })),
      companyRoles,
    };
  }

  private async personMe(principal: Extract<Principal, { kind: 'person' }>): Promise<Me> {
    const profile = await this.repository.personProfile({ personId: principal.personId, companyId: principal.companyId });
    if (!profile) throw new UnauthenticatedError('Your account no longer exists. Please sign in again.');
    return {
      kind: 'person',
      id: profile.id,
      name: profile.name,
      phoneMasked: maskPhone(this.cipher.decrypt('phone', profile.phoneCipher)),
      company: profile.company,
      units: profile.residencies.map((residency) => ({
        id: residency.unit.id,
        label: residency.unit.label,
        estateId: residency.unit.estateId,
        estateName: residency.unit.estate.name,
        kind: residency.kind,
      })),
    };
  }

  private openSession(input: {
    companyId: string;
    subject: { kind: 'staff'; staffUserId: string } | { kind: 'person'; personId: string };
    ip: string;
  }): Promise<NewSession> {
    // Sign-in is a public route: the company is known only now, and the session and what /me shows belong to it.
    return runAsTenant(input.companyId, () => this.openSessionAsTenant(input));
  }

  private async openSessionAsTenant(input: {
    companyId: string;
    subject: { kind: 'staff'; staffUserId: string } | { kind: 'person'; personId: string };
    ip: string;
  }): Promise<NewSession> {
    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + this.config.sessionHours * 3600 * 1000);
    await this.sessions.create({ id: sha256Hex(token), companyId: input.companyId, subject: input.subject, expiresAt });
    const principal = await this.sessions.principalForSession(sha256Hex(token));
    if (!principal) throw new UnauthenticatedError('This account cannot sign in at the moment.');
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'auth.login',
      detail: { method: input.subject.kind === 'staff' ? 'password' : 'code' },
      ip: input.ip,
    });
    return { token, expiresAt, me: await this.me(principal) };
  }

  private mobilePhone(raw: string): string {
    const phone = normalisePhone(raw);
    if (!isMobilePhone(phone)) {
      throw new ValidationError('"phone" is not a mobile phone number: 11 digits starting with 1, e.g. 13812345678.', {
        fields: [{ field: 'phone', message: 'not a mobile phone number' }],
      });
    }
    return phone;
  }

  private codeHash(phoneIndex: string, code: string): string {
    return this.cipher.keyedHash('sign-in-code', `${phoneIndex}:${code}`);
  }

  /** The same phone may live in estates of two companies; then the caller names the company. */
  private choosePerson(people: PersonAccount[], companyCode: string | undefined): PersonAccount {
    const candidates = companyCode === undefined ? people : people.filter((person) => person.companyCode === companyCode);
    const [first] = candidates;
    if (first && candidates.length === 1) return first;
    if (!first) throw new UnauthenticatedError(WRONG_CODE);
    throw new ConflictError(
      'This phone number is registered with more than one property company. Choose one and sign in again with its companyCode.',
      {
        companies: candidates.map((person) => ({ code: person.companyCode, name: person.companyName })),
      },
    );
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
