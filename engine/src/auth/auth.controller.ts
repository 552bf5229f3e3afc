import { Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { JsonBody } from '../common/json-body';
import { Public } from '../common/public.decorator';
import { UuidParam } from '../common/uuid-param';
import type { ApiTokenSummary } from './api-token.repository';
import { ApiTokenService } from './api-token.service';
import { AuthService, type NewSession } from './auth.service';
import type { Me } from './me';
import { CurrentPrincipal, type Principal } from './principal';
import { clearSessionCookie, clientIp, sessionTokenOf, setSessionCookie } from './session-cookie';

interface StaffLoginBody {
  email: string;
  password: string;
}
interface OwnerCodeBody {
  phone: string;
}
interface OwnerLoginBody {
  phone: string;
  code: string;
  companyCode?: string;
}
interface NewTokenBody {
  name: string;
}

const PHONE = { type: 'string', minLength: 1, maxLength: 32, description: 'mobile number; spaces and +86 are ignored' } as const;

function started(input: { request: FastifyRequest; response: FastifyReply; session: NewSession }): Me {
  setSessionCookie({ request: input.request, response: input.response, token: input.session.token, expiresAt: input.session.expiresAt });
  return input.session.me;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: ApiTokenService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff sign-in with email and password; sets the ef_session cookie and returns Me' })
  async login(
    @JsonBody<StaffLoginBody>({
      type: 'object',
      additionalProperties: false,
      required: ['email', 'password'],
      properties: { email: { type: 'string', minLength: 1, maxLength: 254 }, password: { type: 'string', minLength: 1, maxLength: 256 } },
    })
    body: StaffLoginBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<Me> {
    return started({ request, response, session: await this.auth.staffLogin({ ...body, ip: clientIp(request) }) });
  }

  @Public()
  @Post('auth/owner/code')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a 6-digit sign-in code to an owner or tenant phone (valid 5 minutes)' })
  requestCode(
    @JsonBody<OwnerCodeBody>({ type: 'object', additionalProperties: false, required: ['phone'], properties: { phone: PHONE } })
    body: OwnerCodeBody,
    @Req() request: FastifyRequest,
  ): Promise<{ sent: true; expiresInSeconds: number }> {
    return this.auth.requestOwnerCode({ phone: body.phone, ip: clientIp(request) });
  }

  @Public()
  @Post('auth/owner/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Owner or tenant sign-in with phone and code; sets the ef_session cookie and returns Me' })
  async ownerLogin(
    @JsonBody<OwnerLoginBody>({
      type: 'object',
      additionalProperties: false,
      required: ['phone', 'code'],
      properties: {
        phone: PHONE,
        code: { type: 'string', pattern: '^[0-9]{6}$', description: 'the 6 digits from the text message' },
        companyCode: { type: 'string', maxLength: 64 },
      },
    })
    body: OwnerLoginBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<Me> {
    return started({ request, response, session: await this.auth.ownerLogin({ ...body, ip: clientIp(request) }) });
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session and clear the cookie' })
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<void> {
    await this.auth.logout({ token: sessionTokenOf(request), ip: clientIp(request) });
    clearSessionCookie({ request, response });
  }

  @Post('auth/logout-everywhere')
  @HttpCode(204)
  @ApiOperation({ summary: 'End every session of the signed-in user, on every device' })
  async logoutEverywhere(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    await this.auth.logoutEverywhere({ principal, ip: clientIp(request) });
    clearSessionCookie({ request, response });
  }

  @Get('me')
  @ApiOperation({ summary: 'Who is signed in: staff with estates and roles, or an owner / tenant with units' })
  me(@CurrentPrincipal() principal: Principal): Promise<Me> {
    return this.auth.me(principal);
  }

  @Post('auth/tokens')
  @ApiOperation({ summary: 'Company admin: create an API token (the token is shown only in this answer)' })
  createToken(
    @CurrentPrincipal() principal: Principal,
    @JsonBody<NewTokenBody>({
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
    })
    body: NewTokenBody,
  ) {
    return this.tokens.create({ principal, name: body.name });
  }

  @Get('auth/tokens')
  @ApiOperation({ summary: "Company admin: the company's live API tokens (never the tokens themselves)" })
  listTokens(@CurrentPrincipal() principal: Principal): Promise<ApiTokenSummary[]> {
    return this.tokens.list(principal);
  }

  @Delete('auth/tokens/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Company admin: revoke an API token' })
  revokeToken(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    return this.tokens.revoke({ principal, id });
  }
}
