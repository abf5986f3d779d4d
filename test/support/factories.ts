import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { ApiTokensService } from '../../src/auth/api-tokens.service.js';
import { OrganizationsService } from '../../src/organizations/organizations.service.js';
import type { Organization, OrganizationKind } from '../../src/organizations/organization.entity.js';
import type { Role, User } from '../../src/users/user.entity.js';
import { UsersService } from '../../src/users/users.service.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'correct horse battery';

const unique = () => randomBytes(4).toString('hex');

export async function makeOrganization(
  t: TestApp,
  fields: { name?: string; kind?: OrganizationKind } = {},
): Promise<Organization> {
  const admin = { id: null } as unknown as User;
  return t.app
    .get(OrganizationsService)
    .create(admin, { name: fields.name ?? `Org ${unique()}`, kind: fields.kind ?? 'cso' });
}

export interface Actor {
  user: User;
  token: string;
  /** supertest with this user's bearer token */
  as: {
    get: (url: string) => request.Test;
    post: (url: string) => request.Test;
    patch: (url: string) => request.Test;
    put: (url: string) => request.Test;
    delete: (url: string) => request.Test;
  };
}

/** A user with a password (TEST_PASSWORD) and a personal API token. */
export async function makeUser(
  t: TestApp,
  fields: {
    role?: Role;
    organizationId?: string;
    email?: string;
    name?: string;
    timeZone?: string;
    language?: string;
  } = {},
): Promise<Actor> {
  const { user } = await t.app.get(UsersService).create(null, {
    email: fields.email ?? `user-${unique()}@example.org`,
    name: fields.name ?? `User ${unique()}`,
    role: fields.role ?? 'member',
    organizationId: fields.organizationId,
    timeZone: fields.timeZone,
    language: fields.language,
    password: TEST_PASSWORD,
  });
  const { token } = await t.app.get(ApiTokensService).create(user, 'tests');
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
  return {
    user,
    token,
    as: {
      get: (url) => auth(t.http().get(url)),
      post: (url) => auth(t.http().post(url)),
      patch: (url) => auth(t.http().patch(url)),
      put: (url) => auth(t.http().put(url)),
      delete: (url) => auth(t.http().delete(url)),
    },
  };
}

/** A browser-like client signed in with the session cookie. */
export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD) {
  const agent = request.agent(t.server);
  await agent.post('/api/v1/auth/login').send({ email, password }).expect(200);
  return agent;
}
