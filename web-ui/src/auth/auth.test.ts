import { beforeEach, describe, expect, it } from 'vitest';
import { resetSignInAttempts, signIn, SignInKeepsFailing } from './auth';

describe('sign-in', () => {
  beforeEach(() => sessionStorage.clear());

  it('stops sending the browser to the provider after three attempts in a minute, until the user asks again', async () => {
    // no provider here: each attempt fails after it was counted
    for (let i = 0; i < 3; i++) {
      await expect(signIn()).rejects.not.toBeInstanceOf(SignInKeepsFailing);
    }
    await expect(signIn()).rejects.toBeInstanceOf(SignInKeepsFailing);
    resetSignInAttempts();
    await expect(signIn()).rejects.not.toBeInstanceOf(SignInKeepsFailing);
  });
});
